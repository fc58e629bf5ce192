package io.github.keras4j.examples.training;

import io.github.keras4j.examples.experiments.EpochResult;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class FingerprintTest {
    @Test
    void isTheSha256OfTheFloatsLittleEndianInOrder() {
        // python3: hashlib.sha256(struct.pack('<2f', 1.0, -2.5) + struct.pack('<f', 0.5)).hexdigest()[:12]
        List<INDArray> weights = List.of(Nd4j.createFromArray(1.0f, -2.5f), Nd4j.createFromArray(0.5f));
        assertEquals("407817b2fbf1", Fingerprint.of(weights));
        assertEquals(Fingerprint.HEX_DIGITS, Fingerprint.of(weights).length());
        assertEquals("407817b2fbf1", Fingerprint.of(List.of(Nd4j.createFromArray(1.0, -2.5), Nd4j.createFromArray(0.5))),
                "double weights are hashed as float32");
        assertNotEquals(Fingerprint.of(weights), Fingerprint.of(List.of(Nd4j.createFromArray(0.5f), Nd4j.createFromArray(1.0f, -2.5f))));
    }

    @Test
    void aSeededFitIsReproducibleAndReportsEveryEpoch() {
        INDArray x = Nd4j.rand(DataType.FLOAT, 64, 3);
        INDArray y = x.sum(true, 1).reshape(64, 1);
        List<EpochResult> seen = new ArrayList<>();
        SeededFit.Trained a = SeededFit.fit(7, FingerprintTest::model, x, y, FitOptions.defaults().withEpochs(3).withVerbose(0), seen::add);
        SeededFit.Trained b = SeededFit.fit(7, FingerprintTest::model, x, y, FitOptions.defaults().withEpochs(3).withVerbose(0), e -> { });
        SeededFit.Trained c = SeededFit.fit(8, FingerprintTest::model, x, y, FitOptions.defaults().withEpochs(3).withVerbose(0), e -> { });

        assertEquals(3, seen.size());
        assertEquals(seen, a.history().epochs());
        assertEquals(4 * 4 + 5, a.history().parameterCount());
        assertEquals(a.history().fingerprint(), b.history().fingerprint(), "same seed, same model");
        assertNotEquals(a.history().fingerprint(), c.history().fingerprint(), "another seed, another model");
        assertEquals(Fingerprint.of(a.model()), a.history().fingerprint());
    }

    private static Sequential model() {
        Sequential m = new Sequential(new Dense(4, "tanh").inputShape(3), new Dense(1));
        m.compile("sgd", "mse");
        return m;
    }
}
