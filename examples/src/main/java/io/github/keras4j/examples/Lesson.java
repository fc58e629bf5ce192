package io.github.keras4j.examples;

/**
 * A runnable lesson, such as the Keras MNIST tutorial or "sigmoid vs ReLU". It declares one or more
 * comparisons and hands each to {@link LessonContext#compare} with a trainer that builds and fits the model:
 * <pre>{@code
 * public void run(LessonContext ctx) {
 *     RunConfig base = ctx.base(10).with("activation", "sigmoid");
 *     Comparison c = new Comparison("Sigmoid vs ReLU", base,
 *             List.of(Variant.of("sigmoid"), Variant.of("relu", "activation", "relu")));
 *     ctx.compare(c, (config, seed, listener) -> { ... fit, report epochs to listener ... });
 * }
 * }</pre>
 * Make it runnable by adding one line to {@link Lessons}.
 */
public interface Lesson {
    /** The name on the command line: lower case, dash-separated ({@code keras-mnist}). */
    String name();

    /** One line for {@code --help}. */
    String description();

    /** Runs the lesson's comparisons; the context supplies the command-line options, seeds and output folder. */
    void run(LessonContext context) throws Exception;
}
