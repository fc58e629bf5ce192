package io.github.keras4j.optimizers.schedules;

/** The argument checks the schedules share; every message names the schedule, the argument and the value. */
final class ScheduleChecks {
    private ScheduleChecks() {
    }

    /** A learning rate a schedule starts from or ends at: finite and >= 0 (a warmup may start at 0). */
    static double rate(String owner, String name, double value) {
        return nonNegative(owner, name, value, "It is a learning rate, such as 0.1 or 0.001.");
    }

    /** A finite number >= 0 (a decay rate, a power, alpha); {@code hint} says what it is. */
    static double nonNegative(String owner, String name, double value, String hint) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + " " + name + " must be a finite number >= 0, got " + value + ". " + hint);
        }
        return value;
    }

    /** A number of steps that divides the step count: finite and > 0, as Keras requires of decay_steps. */
    static double steps(String owner, String name, double value, String example) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(owner + " " + name + " must be a finite number > 0, got " + value
                    + ". It is a number of optimizer steps, e.g. " + example + ".");
        }
        return value;
    }
}
