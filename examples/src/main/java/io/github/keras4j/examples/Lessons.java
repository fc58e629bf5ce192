package io.github.keras4j.examples;

import io.github.keras4j.examples.lessons.ConvolutionalNetwork;
import io.github.keras4j.examples.lessons.FittingFunctions;
import io.github.keras4j.examples.lessons.HelloWorld;
import io.github.keras4j.examples.lessons.KerasMnist;
import io.github.keras4j.examples.lessons.LinearClassifier;
import io.github.keras4j.examples.lessons.NielsenNetwork;
import io.github.keras4j.examples.lessons.PlaygroundTakeaways;
import io.github.keras4j.examples.lessons.SoftmaxNetwork;

import java.util.List;

/** The lessons the command line knows, in the order {@code all} runs them and {@code --help} lists them. */
public final class Lessons {
    // One line per lesson.
    private static final List<Lesson> ALL = List.of(
            new KerasMnist(),
            new HelloWorld(),
            new NielsenNetwork(),
            new SoftmaxNetwork(),
            new LinearClassifier(),
            new FittingFunctions(),
            new ConvolutionalNetwork(),
            new PlaygroundTakeaways());

    private Lessons() {
    }

    public static List<Lesson> all() {
        return ALL;
    }
}
