package io.github.keras4j.spark;

import java.util.ArrayList;
import java.util.List;

/** Per epoch of a {@link SparkTrainer#fit}: the mean training loss, wall seconds, averaging rounds and training seconds. */
public final class SparkHistory {
    /**
     * @param trainSeconds per round the slowest worker's seconds inside {@code fit}, summed: the rest of
     *                     {@code seconds} is Spark's (scheduling, broadcasting the model, collecting the weights)
     *                     and the driver's averaging
     */
    public record Epoch(int epoch, double loss, double seconds, int rounds, double trainSeconds) {
        /** The share of the epoch spent outside training: Spark, the model's file and the averaging. */
        public double overheadShare() {
            return seconds <= 0 ? 0 : Math.max(0, 1 - trainSeconds / seconds);
        }

        /** Wall seconds per averaging round. */
        public double secondsPerRound() {
            return seconds / rounds;
        }
    }

    private final List<Epoch> epochs = new ArrayList<>();

    void add(Epoch e) {
        epochs.add(e);
    }

    public List<Epoch> epochs() {
        return List.copyOf(epochs);
    }
}
