package io.github.keras4j.callbacks;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.SGD;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Map;

/** A tiny regression model and data for callback tests, and a callback that puts a scripted value in the logs. */
final class CallbackTestModels {
    static final INDArray X = Nd4j.rand(DataType.FLOAT, 16, 3);
    static final INDArray Y = Nd4j.rand(DataType.FLOAT, 16, 1);
    static final FitOptions QUIET = FitOptions.defaults().withVerbose(0).withBatchSize(4);

    private CallbackTestModels() {
    }

    static Sequential model(double learningRate) {
        Sequential model = new Sequential(new Dense(1).inputShape(3));
        model.compile(new SGD(learningRate), "mse");
        return model;
    }

    /** Writes {@code values[epoch]} under {@code key} at each epoch end, for callbacks after it to monitor. */
    static Callback script(String key, double... values) {
        return new Callback() {
            @Override
            public void onEpochEnd(int epoch, Map<String, Double> logs) {
                logs.put(key, values[epoch]);
            }
        };
    }
}
