package io.github.keras4j.examples;

import java.util.List;

/** The lessons the command line knows, in the order {@code all} runs them and {@code --help} lists them. */
public final class Lessons {
    // One line per lesson: new KerasMnist(), new SigmoidVsRelu(), ...
    private static final List<Lesson> ALL = List.of();

    private Lessons() {
    }

    public static List<Lesson> all() {
        return ALL;
    }
}
