/**
 * Running a lesson's grid of (variant, seed) runs on a cluster. The driver sends each run out as a
 * {@link io.github.keras4j.examples.grid.RunRequest}: which lesson, with which command-line options, which
 * comparison, variant and seed. Whoever executes it ({@link io.github.keras4j.examples.grid.RunReplay}) runs the
 * lesson again up to that comparison and trains just that run, with the lesson's own trainer: nothing about a
 * model or its data travels, only names and numbers, and the run is the one a local run would be, bit for bit.
 * The cluster itself comes from a {@link io.github.keras4j.examples.grid.GridBackend} found on the class path
 * ({@code keras4j-spark} provides one), so this module needs no cluster library unless {@code --spark} is used.
 */
package io.github.keras4j.examples.grid;
