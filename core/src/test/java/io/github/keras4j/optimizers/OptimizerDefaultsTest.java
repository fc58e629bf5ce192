package io.github.keras4j.optimizers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every default against the number in Keras' source (keras/src/optimizers/*.py). The behaviour of the
 * no-argument constructors is checked step by step in {@link OptimizerReferenceLoopTest}.
 */
class OptimizerDefaultsTest {
    @Test
    void sgdDefaults() {
        assertEquals(0.01, SGD.DEFAULT_LEARNING_RATE);
        assertEquals(0.0, SGD.DEFAULT_MOMENTUM);
        assertFalse(SGD.DEFAULT_NESTEROV);
        SGD sgd = new SGD();
        assertEquals(0.01, sgd.learningRate());
        assertEquals(0.0, sgd.momentum());
        assertFalse(sgd.nesterov());
        assertEquals(List.of(), sgd.slotNames());
        assertEquals(0.1, new SGD(0.1).learningRate());
        assertEquals(List.of("momentum"), new SGD(0.01, 0.9, true).slotNames());
    }

    @Test
    void adamDefaults() {
        assertEquals(0.001, Adam.DEFAULT_LEARNING_RATE);
        assertEquals(0.9, Adam.DEFAULT_BETA_1);
        assertEquals(0.999, Adam.DEFAULT_BETA_2);
        assertEquals(1e-7, Adam.DEFAULT_EPSILON);
        Adam adam = new Adam();
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-7, adam.epsilon());
        assertEquals(List.of("momentum", "velocity"), adam.slotNames());
    }

    @Test
    void rmspropDefaults() {
        assertEquals(0.001, RMSprop.DEFAULT_LEARNING_RATE);
        assertEquals(0.9, RMSprop.DEFAULT_RHO);
        assertEquals(0.0, RMSprop.DEFAULT_MOMENTUM);
        assertEquals(1e-7, RMSprop.DEFAULT_EPSILON);
        assertFalse(RMSprop.DEFAULT_CENTERED);
        RMSprop rmsprop = new RMSprop();
        assertEquals(0.001, rmsprop.learningRate());
        assertEquals(0.9, rmsprop.rho());
        assertEquals(0.0, rmsprop.momentum());
        assertEquals(1e-7, rmsprop.epsilon());
        assertFalse(rmsprop.centered());
        assertEquals(List.of("velocity"), rmsprop.slotNames());
        assertEquals(List.of("velocity", "momentum", "average_gradient"), new RMSprop(0.01, 0.9, 0.5, 1e-7, true).slotNames());
    }

    @Test
    void adagradDefaults() {
        assertEquals(0.001, Adagrad.DEFAULT_LEARNING_RATE);
        assertEquals(0.1, Adagrad.DEFAULT_INITIAL_ACCUMULATOR_VALUE);
        assertEquals(1e-7, Adagrad.DEFAULT_EPSILON);
        Adagrad adagrad = new Adagrad();
        assertEquals(0.001, adagrad.learningRate());
        assertEquals(0.1, adagrad.initialAccumulatorValue());
        assertEquals(1e-7, adagrad.epsilon());
        assertEquals(List.of("accumulator"), adagrad.slotNames());
    }

    @Test
    void kerasDefaultNames() {
        // The "name" Keras writes in an optimizer's saved config.
        assertEquals("SGD", new SGD().name());
        assertEquals("adam", new Adam().name());
        assertEquals("rmsprop", new RMSprop().name());
        assertEquals("adagrad", new Adagrad().name());
    }
}
