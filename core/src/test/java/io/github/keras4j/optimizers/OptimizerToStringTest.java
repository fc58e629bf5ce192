package io.github.keras4j.optimizers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** An optimizer prints its class and hyperparameters, so logs and experiment rows say what ran. */
class OptimizerToStringTest {
    @Test
    void classAndHyperparameters() {
        assertEquals("Adam(learningRate=0.001, beta1=0.9, beta2=0.999, epsilon=1.0E-7, amsgrad=false)", new Adam().toString());
        assertEquals("SGD(learningRate=0.01, momentum=0.9, nesterov=true)", new SGD(0.01, 0.9, true).toString());
        assertEquals("SGD(learningRate=0.1, momentum=0.0, nesterov=false)", new SGD(0.1).toString());
        Optimizer rmsprop = new RMSprop();
        assertEquals(true, rmsprop.toString().startsWith("RMSprop(learningRate=0.001, rho=0.9, momentum=0.0, epsilon=1.0E-7"),
                rmsprop.toString());
        assertEquals(true, new Adagrad().toString().startsWith("Adagrad(learningRate=0.001, initialAccumulatorValue=0.1, epsilon=1.0E-7"),
                new Adagrad().toString());
    }

    @Test
    void clippingAndWeightDecayShowWhenSet() {
        assertEquals("SGD(learningRate=0.1, momentum=0.0, nesterov=false, weightDecay=0.004, clipnorm=1.0)",
                new SGD(0.1).weightDecay(0.004).clipnorm(1.0).toString());
    }

    @Test
    void theLearningRateShownIsTheCurrentOne() {
        Adam adam = new Adam();
        adam.setLearningRate(0.0005);
        assertEquals("Adam(learningRate=5.0E-4, beta1=0.9, beta2=0.999, epsilon=1.0E-7, amsgrad=false)", adam.toString());
    }
}
