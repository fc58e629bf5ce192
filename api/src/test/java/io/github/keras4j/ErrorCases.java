package io.github.keras4j;

import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.utils.Utils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The cases the catalogue sections add, a temporary folder for them, and the small models most of them use. */
final class ErrorCases {
    static final FitOptions QUIET = FitOptions.defaults().withVerbose(0);

    /** A call that must throw. */
    interface Trigger {
        void run() throws Exception;
    }

    /** A call and the exception class it must throw. */
    record Case(Class<? extends Throwable> type, Trigger trigger) {
    }

    private final List<Case> cases = new ArrayList<>();
    private final Path tmp;

    ErrorCases(Path tmp) {
        this.tmp = tmp;
    }

    /** A folder of this run's own; messages name its {@code datasets} and {@code models} subfolders as a user's. */
    Path tmp() {
        return tmp;
    }

    /** A case, run in a fresh session so the models it makes are named {@code sequential}, {@code sequential_1}, ... */
    void add(Class<? extends Throwable> type, Trigger trigger) {
        cases.add(new Case(type, () -> {
            Utils.clearSession();
            trigger.run();
        }));
    }

    List<Case> all() {
        return cases;
    }

    static INDArray images(int n) {
        return Nd4j.rand(DataType.FLOAT, n, 28, 28);
    }

    static INDArray oneHot(int n, int classes) {
        return Utils.toCategorical(Nd4j.zeros(DataType.FLOAT, n), classes);
    }

    static Sequential mlp784() {
        Sequential model = new Sequential(new Dense(64, "sigmoid").inputShape(784), new Dense(10, "softmax"));
        model.compile("adam", "categorical_crossentropy", "acc");
        return model;
    }
}
