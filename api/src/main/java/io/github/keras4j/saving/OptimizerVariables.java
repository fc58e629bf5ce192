package io.github.keras4j.saving;

import io.github.keras4j.layers.Parameter;
import io.github.keras4j.optimizers.Optimizer;
import io.jhdf.api.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's state as Keras stores it under {@code optimizer/vars}: {@code 0} the step count
 * ({@code iterations}, int64), {@code 1} the learning rate (float32; Keras 3 only, tf.keras 2.15 has no such
 * variable), then the slots of every trainable variable in the order of {@link SlotLayout}.
 */
final class OptimizerVariables {
    private OptimizerVariables() {
    }

    /** One slot of one parameter, in Keras' order. */
    record Slot(int parameter, int slot) {
    }

    /** The slots of {@code parameters} in the order Keras' optimizer creates them. */
    static List<Slot> order(SlotLayout layout, int parameters, int slots) {
        List<Slot> out = new ArrayList<>();
        if (layout == SlotLayout.INTERLEAVED) {
            for (int p = 0; p < parameters; p++) {
                for (int s = 0; s < slots; s++) {
                    out.add(new Slot(p, s));
                }
            }
        } else {
            for (int s = 0; s < slots; s++) {
                for (int p = 0; p < parameters; p++) {
                    out.add(new Slot(p, s));
                }
            }
        }
        return out;
    }

    /**
     * The values to store, in order, as jHDF writes them. Keras builds every slot when the model is compiled,
     * so slots a parameter does not have yet (no step taken) are created here with their initial values,
     * exactly as the optimizer would create them at the first step.
     */
    static List<Object> values(Optimizer optimizer, List<Parameter> parameters) {
        List<Object> out = new ArrayList<>();
        out.add(optimizer.iterations());
        out.add((float) optimizer.learningRate());
        for (Slot s : order(OptimizerConfigs.layoutOf(optimizer), parameters.size(), optimizer.slotNames().size())) {
            Parameter p = parameters.get(s.parameter());
            out.add(H5Arrays.nested(widen(optimizer.slotsOf(p)[s.slot()]), p.value().shape(), p.value().dataType()));
        }
        return out;
    }

    /**
     * Restores the step count, the learning rate (when the file's float32 value differs from the config's)
     * and every slot from {@code vars} ("0", "1", ...). A file without optimizer variables (an optimizer
     * never built in Keras) leaves the optimizer fresh.
     */
    static void restore(Optimizer optimizer, List<Parameter> parameters, Map<String, Dataset> vars, String where) {
        if (vars.isEmpty()) {
            return;
        }
        int slots = optimizer.slotNames().size();
        int expectedSlots = parameters.size() * slots;
        boolean hasLearningRate;
        if (vars.size() == 2 + expectedSlots) {
            hasLearningRate = true;
        } else if (vars.size() == 1 + expectedSlots) {
            hasLearningRate = false;
        } else {
            throw new IllegalArgumentException("the optimizer '" + optimizer.name() + "' has " + vars.size() + " variables at "
                    + where + " but this model needs 2 + " + parameters.size() + " parameters x " + slots + " slots "
                    + optimizer.slotNames() + " = " + (2 + expectedSlots) + " (Keras 3) or " + (1 + expectedSlots)
                    + " (tf.keras 2); the optimizer state does not belong to this model");
        }
        for (int i = 0; i < vars.size(); i++) {
            if (!vars.containsKey(String.valueOf(i))) {
                throw new IllegalArgumentException("the optimizer variables at " + where + " are not numbered 0.." + (vars.size() - 1)
                        + ": found " + vars.keySet());
            }
        }
        long iterations = H5Arrays.readLong(vars.get("0"), where + "/0 (iterations)");
        int first = 1;
        Float learningRate = null;
        if (hasLearningRate) {
            if (vars.get("1").getSize() != 1) {
                throw new IllegalArgumentException(where + "/1 (learning_rate) should be a scalar but has shape " + H5Arrays.shapeOf(vars.get("1")));
            }
            double[] lr = H5Arrays.readFloating(vars.get("1"), where + "/1 (learning_rate)");
            learningRate = (float) lr[0];
            first = 2;
        }
        // Read and check everything before changing the optimizer: no half-restored state.
        List<Slot> order = order(OptimizerConfigs.layoutOf(optimizer), parameters.size(), slots);
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Parameter p = parameters.get(order.get(i).parameter());
            String name = where + "/" + (first + i);
            Dataset d = vars.get(String.valueOf(first + i));
            String what = name + " (" + optimizer.slotNames().get(order.get(i).slot()) + " of " + p.name() + ")";
            if (!H5Arrays.hasShape(d, p.value().shape())) {
                throw new IllegalArgumentException(what + " has shape " + H5Arrays.shapeOf(d) + " but " + p.name() + " has shape "
                        + io.github.keras4j.layers.Shape.describe(p.value().shape()));
            }
            values.add(H5Arrays.readFloating(d, what));
        }
        if (iterations < 0) {
            throw new IllegalArgumentException(where + "/0 (iterations) is negative: " + iterations);
        }
        optimizer.setIterations(iterations);
        if (learningRate != null && learningRate != (float) optimizer.learningRate()) {
            optimizer.setLearningRate(learningRate);
        }
        if (iterations == 0) {
            return; // nothing was learned yet: slots start fresh at the first step, as they would have
        }
        for (int i = 0; i < order.size(); i++) {
            Slot s = order.get(i);
            float[] target = optimizer.slotsOf(parameters.get(s.parameter()))[s.slot()];
            double[] stored = values.get(i);
            for (int k = 0; k < target.length; k++) {
                target[k] = (float) stored[k]; // slots are float32, as stored by Keras
            }
        }
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
