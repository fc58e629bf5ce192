package io.github.keras4j.examples.training;

import io.github.keras4j.examples.experiments.EpochResult;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** A seeded fit reports every epoch and fingerprints its weights with {@link Utils#fingerprint}. */
class SeededFitTest {
    @Test
    void aSeededFitIsReproducibleAndReportsEveryEpoch() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 3);
        INDArray y = x.sum(true, 1).reshape(64, 1);
        List<EpochResult> seen = new ArrayList<>();
        SeededFit.Trained a = SeededFit.fit(7, SeededFitTest::model, x, y, FitOptions.defaults().withEpochs(3).withVerbose(0), seen::add);
        SeededFit.Trained b = SeededFit.fit(7, SeededFitTest::model, x, y, FitOptions.defaults().withEpochs(3).withVerbose(0), e -> { });
        SeededFit.Trained c = SeededFit.fit(8, SeededFitTest::model, x, y, FitOptions.defaults().withEpochs(3).withVerbose(0), e -> { });

        assertEquals(3, seen.size());
        assertEquals(seen, a.history().epochs());
        assertEquals(4 * 4 + 5, a.history().parameterCount());
        assertEquals(a.history().fingerprint(), b.history().fingerprint(), "same seed, same model");
        assertNotEquals(a.history().fingerprint(), c.history().fingerprint(), "another seed, another model");
        assertEquals(Utils.fingerprint(a.model()), a.history().fingerprint());
    }

    private static Sequential model() {
        Sequential m = new Sequential(new Dense(4, "tanh").inputShape(3), new Dense(1));
        m.compile("sgd", "mse");
        return m;
    }
}
