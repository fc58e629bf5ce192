package io.github.keras4j.optimizers;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertFalse(Adam.DEFAULT_AMSGRAD);
        Adam adam = new Adam();
        assertFalse(adam.amsgrad());
        assertEquals(0.001, adam.learningRate());
        assertEquals(0.9, adam.beta1());
        assertEquals(0.999, adam.beta2());
        assertEquals(1e-7, adam.epsilon());
        assertEquals(List.of("momentum", "velocity"), adam.slotNames());
        assertEquals(List.of("momentum", "velocity", "velocity_hat"), new Adam(0.001, 0.9, 0.999, 1e-7, true).slotNames());
    }

    /** keras/src/optimizers/adamw.py: Adam's arguments, weight_decay=0.004. */
    @Test
    void adamWDefaults() {
        assertEquals(0.004, AdamW.DEFAULT_WEIGHT_DECAY);
        AdamW adamw = new AdamW();
        assertEquals(0.001, adamw.learningRate());
        assertEquals(0.004, adamw.weightDecay());
        assertEquals(0.9, adamw.beta1());
        assertEquals(0.999, adamw.beta2());
        assertEquals(1e-7, adamw.epsilon());
        assertFalse(adamw.amsgrad());
        assertEquals(List.of("momentum", "velocity"), adamw.slotNames());
    }

    /** keras/src/optimizers/nadam.py. */
    @Test
    void nadamDefaults() {
        assertEquals(0.001, Nadam.DEFAULT_LEARNING_RATE);
        assertEquals(0.9, Nadam.DEFAULT_BETA_1);
        assertEquals(0.999, Nadam.DEFAULT_BETA_2);
        assertEquals(1e-7, Nadam.DEFAULT_EPSILON);
        assertEquals(0.96, Nadam.MOMENTUM_DECAY);
        Nadam nadam = new Nadam();
        assertEquals(0.001, nadam.learningRate());
        assertEquals(0.9, nadam.beta1());
        assertEquals(0.999, nadam.beta2());
        assertEquals(1e-7, nadam.epsilon());
        assertEquals(1f, nadam.uProduct(), "Keras' _u_product starts at 1.0");
        assertEquals(List.of("momentum", "velocity"), nadam.slotNames());
    }

    /** keras/src/optimizers/adamax.py. */
    @Test
    void adamaxDefaults() {
        assertEquals(0.001, Adamax.DEFAULT_LEARNING_RATE);
        assertEquals(0.9, Adamax.DEFAULT_BETA_1);
        assertEquals(0.999, Adamax.DEFAULT_BETA_2);
        assertEquals(1e-7, Adamax.DEFAULT_EPSILON);
        Adamax adamax = new Adamax();
        assertEquals(0.001, adamax.learningRate());
        assertEquals(0.9, adamax.beta1());
        assertEquals(0.999, adamax.beta2());
        assertEquals(1e-7, adamax.epsilon());
        assertEquals(List.of("momentum", "norm"), adamax.slotNames());
    }

    /** keras/src/optimizers/adadelta.py. */
    @Test
    void adadeltaDefaults() {
        assertEquals(0.001, Adadelta.DEFAULT_LEARNING_RATE);
        assertEquals(0.95, Adadelta.DEFAULT_RHO);
        assertEquals(1e-7, Adadelta.DEFAULT_EPSILON);
        Adadelta adadelta = new Adadelta();
        assertEquals(0.001, adadelta.learningRate());
        assertEquals(0.95, adadelta.rho());
        assertEquals(1e-7, adadelta.epsilon());
        assertEquals(List.of("accumulated_grad", "accumulated_delta_var"), adadelta.slotNames());
    }

    /** keras/src/optimizers/base_optimizer.py: weight_decay, clipnorm, clipvalue, global_clipnorm default to None. */
    @Test
    void baseOptionsDefaultToNoneAndNothingIsExcludedFromWeightDecay() {
        for (Optimizer o : List.of(new SGD(), new Adam(), new RMSprop(), new Adagrad(), new Nadam(), new Adamax(), new Adadelta())) {
            assertNull(o.weightDecay(), o.name());
            assertNull(o.clipnorm(), o.name());
            assertNull(o.clipvalue(), o.name());
            assertNull(o.globalClipnorm(), o.name());
            assertNull(o.learningRateSchedule(), o.name());
            assertEquals(List.of(), o.excludedFromWeightDecay(), o.name());
        }
        assertEquals(List.of(), new AdamW().excludedFromWeightDecay());
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
        assertEquals("adamw", new AdamW().name());
        assertEquals("nadam", new Nadam().name());
        assertEquals("adamax", new Adamax().name());
        assertEquals("adadelta", new Adadelta().name());
    }
}
