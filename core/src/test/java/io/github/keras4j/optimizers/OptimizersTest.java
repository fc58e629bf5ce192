package io.github.keras4j.optimizers;

import io.github.keras4j.layers.Parameter;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Identifiers, the learning rate between steps and the optimizer's lifecycle. */
class OptimizersTest {
    @Test
    void kerasIdentifiers() {
        assertEquals(List.of("adadelta", "adagrad", "adam", "adamax", "adamw", "nadam", "rmsprop", "sgd"), Optimizers.ids());
        assertInstanceOf(SGD.class, Optimizers.get("sgd"));
        assertInstanceOf(Adam.class, Optimizers.get("adam"));
        assertInstanceOf(RMSprop.class, Optimizers.get("rmsprop"));
        assertInstanceOf(Adagrad.class, Optimizers.get("adagrad"));
        assertInstanceOf(AdamW.class, Optimizers.get("adamw"));
        assertInstanceOf(Nadam.class, Optimizers.get("nadam"));
        assertInstanceOf(Adamax.class, Optimizers.get("adamax"));
        assertInstanceOf(Adadelta.class, Optimizers.get("Adadelta"));
        assertInstanceOf(RMSprop.class, Optimizers.get("RMSprop"), "case-insensitive, as Keras' class names");
        assertTrue(Optimizers.get("adam") != Optimizers.get("adam"), "each call gives a fresh optimizer");
    }

    @Test
    void unknownIdentifierSuggestsTheNearestAndListsTheKnown() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("adamm"));
        assertEquals("Unknown optimizer 'adamm'. Did you mean 'adam' or 'adamw'? Known optimizers: adadelta, adagrad, adam, adamax, adamw, nadam,"
                + " rmsprop, sgd.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("rmsprob"));
        assertTrue(e.getMessage().contains("Did you mean 'rmsprop'?"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Optimizers.get("lbfgs"));
        assertEquals("Unknown optimizer 'lbfgs'. Known optimizers: adadelta, adagrad, adam, adamax, adamw, nadam, rmsprop, sgd.", e.getMessage());
    }

    @Test
    void learningRateSetBetweenStepsTakesEffectAtTheNextStep() {
        SGD sgd = new SGD(0.5);
        Parameter p = TestParameters.vector(DataType.DOUBLE, 1.0, 2.0);
        TestParameters.setGradient(p, 1.0, -2.0);
        sgd.apply(List.of(p)); // w = [0.5, 3]
        sgd.setLearningRate(0.25);
        assertEquals(0.25, sgd.learningRate());
        sgd.apply(List.of(p)); // w = [0.25, 3.5]
        assertArrayEquals(new double[] {0.25, 3.5}, TestParameters.values(p), 1e-15);
    }

    @Test
    void adamUsesTheCurrentLearningRateWithItsBiasCorrection() {
        Adam adam = new Adam(0.01);
        KerasReference reference = KerasReference.adam(2, 0.01, 0.9, 0.999, 1e-7);
        Parameter p = TestParameters.vector(DataType.DOUBLE, 1.0, -1.0);
        double[] w = {1.0, -1.0};
        double[] g = {0.3, -0.7};
        TestParameters.setGradient(p, g);
        adam.apply(List.of(p));
        reference.step(w, g, 1);
        adam.setLearningRate(0.1);
        KerasReference afterChange = KerasReference.adam(2, 0.1, 0.9, 0.999, 1e-7);
        // carry the reference's moments over to a reference with the new rate
        System.arraycopy(reference.slots()[0], 0, afterChange.slots()[0], 0, 2);
        System.arraycopy(reference.slots()[1], 0, afterChange.slots()[1], 0, 2);
        adam.apply(List.of(p));
        afterChange.step(w, g, 2);
        assertArrayEquals(w, TestParameters.values(p), 1e-7, "float32 arithmetic");
    }

    @Test
    void slotsAreCreatedOnTheFirstStepAndForgottenByReset() {
        Adam adam = new Adam();
        Parameter p = TestParameters.vector(DataType.FLOAT, 1.0);
        assertFalse(adam.hasSlots(p));
        TestParameters.setGradient(p, 1.0);
        adam.apply(List.of(p));
        assertTrue(adam.hasSlots(p));
        assertEquals(List.of(p), adam.slottedParameters());
        assertEquals(1, adam.iterations());
        adam.reset();
        assertFalse(adam.hasSlots(p));
        assertEquals(0, adam.iterations());
    }

    @Test
    void adagradSlotsStartAtTheInitialAccumulator() {
        Adagrad adagrad = new Adagrad(0.01, 0.1, 1e-7);
        assertEquals(0.1f, adagrad.slotsOf(TestParameters.vector(DataType.DOUBLE, 1.0))[0][0]);
        assertEquals(0.1f, adagrad.slotsOf(TestParameters.vector(DataType.FLOAT, 1.0))[0][0]);
    }

    @Test
    void iterationsCanBeRestoredButNotNegative() {
        SGD sgd = new SGD();
        sgd.setIterations(41);
        Parameter p = TestParameters.vector(DataType.DOUBLE, 1.0);
        sgd.apply(List.of(p));
        assertEquals(42, sgd.iterations());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sgd.setIterations(-1));
        assertEquals("SGD iterations must be >= 0, got -1.", e.getMessage());
    }
}
