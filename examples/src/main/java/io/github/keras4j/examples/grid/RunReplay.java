package io.github.keras4j.examples.grid;

import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.ExperimentRunner;
import io.github.keras4j.examples.experiments.RunResult;
import io.github.keras4j.examples.experiments.Trainer;

import java.io.PrintStream;

/**
 * Trains one run of a lesson's grid where a cluster's task executes it. The lesson runs again from the start,
 * with the request's options, in a {@link LessonContext} that trains nothing until the comparison named in the
 * request: there it trains only the request's variant and seed, with the lesson's own trainer, and stops the
 * lesson. Lessons declare the same comparisons every time they run, so the run is the one the driver would
 * have trained. A lesson's work outside its trainers (reading data, printing) is done again for every run.
 *
 * <p>Runs share keras4j's process-wide random seed ({@code Utils.setRandomSeed}), so a process trains one run
 * at a time: two at once would draw from each other's random stream and lose bit-identical results.
 */
public final class RunReplay {
    private static final Object ONE_RUN_AT_A_TIME = new Object();

    private final RunRequest request;
    private final ExperimentRunner runner;

    private RunReplay(RunRequest request, PrintStream progress) {
        this.request = request;
        this.runner = new ExperimentRunner(progress);
    }

    /** Trains the run {@code request} names and returns its result; progress lines go to {@code progress}. */
    public static RunResult run(RunRequest request, PrintStream progress) {
        Lesson lesson = lesson(request);
        RunReplay replay = new RunReplay(request, progress);
        synchronized (ONE_RUN_AT_A_TIME) {
            try {
                lesson.run(new LessonContext(request.lesson(), request.options(), progress, replay));
            } catch (Found found) {
                return found.result;
            } catch (Exception e) {
                throw new IllegalStateException("Run " + request.describe() + ": the lesson failed before reaching the run: "
                        + e.getMessage(), e);
            }
        }
        throw new IllegalStateException("Run " + request.describe() + ": the lesson ran to its end without a comparison '"
                + request.comparison() + "'. A lesson must declare the same comparisons every time it runs.");
    }

    /**
     * Called by {@link LessonContext#compare} instead of training the comparison: the comparison the request
     * names trains its one run and ends the lesson; any other is passed over.
     */
    public void offer(Comparison comparison, Trainer trainer) {
        if (comparison.slug().equals(request.comparison())) {
            throw new Found(runner.runOne(comparison, request.run(), trainer));
        }
    }

    private static Lesson lesson(RunRequest request) {
        try {
            Object o = Class.forName(request.lessonClass()).getDeclaredConstructor().newInstance();
            if (o instanceof Lesson l) {
                return l;
            }
            throw new IllegalArgumentException("Run " + request.describe() + ": " + request.lessonClass() + " is not a Lesson");
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalArgumentException("Run " + request.describe() + ": cannot create lesson " + request.lessonClass()
                    + " (" + e + "). A lesson run on a cluster needs a public no-argument constructor, and its jar on"
                    + " the executors' class path.", e);
        }
    }

    /** Ends the lesson once its run has been trained; carries the result out of {@code Lesson.run}. */
    private static final class Found extends RuntimeException {
        private final transient RunResult result;

        Found(RunResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
