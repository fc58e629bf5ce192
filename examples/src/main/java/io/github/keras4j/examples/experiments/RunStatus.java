package io.github.keras4j.examples.experiments;

import java.io.Serializable;

/**
 * How a run ended: {@code OK}; {@code DIVERGED} when its training loss became NaN or infinite; {@code FAILED}
 * when the trainer threw, with the exception's message.
 */
public record RunStatus(Kind kind, String detail) implements Serializable {
    /** The closed set of outcomes, in the order the table counts them. */
    public enum Kind { OK, DIVERGED, FAILED }

    public RunStatus {
        if (kind == null) {
            throw new IllegalArgumentException("RunStatus kind is null; use RunStatus.ok(), diverged(epoch) or failed(message)");
        }
        detail = detail == null ? "" : detail;
    }

    public static RunStatus ok() {
        return new RunStatus(Kind.OK, "");
    }

    /** Diverged: the training loss of {@code epoch} (counted from 1) was NaN or infinite. */
    public static RunStatus diverged(int epoch) {
        return new RunStatus(Kind.DIVERGED, "NaN loss at epoch " + epoch);
    }

    public static RunStatus failed(String message) {
        return new RunStatus(Kind.FAILED, message);
    }

    /** The status of a run whose trainer threw {@code error}: the exception's type and message. */
    public static RunStatus failed(Throwable error) {
        String m = error.getMessage();
        return failed(error.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m));
    }

    public boolean isOk() {
        return kind == Kind.OK;
    }

    /** {@code OK}, {@code DIVERGED (NaN loss at epoch 3)}, {@code FAILED (IllegalStateException: ...)}. */
    @Override
    public String toString() {
        return detail.isEmpty() ? kind.name() : kind + " (" + detail + ")";
    }
}
