package io.github.keras4j.saving;

import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.optimizers.Nadam;
import io.github.keras4j.optimizers.Optimizer;
import io.jhdf.api.Dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An optimizer's state as Keras stores it under {@code optimizer/vars} ({@code optimizer.variables} in the order
 * Keras creates them; keras/src/optimizers/base_optimizer.py and each optimizer's {@code build}):
 * <ul>
 *   <li>{@code iterations} (int64), always first;</li>
 *   <li>{@code learning_rate} (float32), in Keras 3 when the rate is a number: a schedule has no variable, and
 *   tf.keras 2.11-2.15 never stores one;</li>
 *   <li>the slots of every trainable variable, in the order of the optimizer's {@link SlotLayout};</li>
 *   <li>Nadam's {@code u_product} (float32 scalar): Keras 3.0-3.9 create it before the slots, Keras 3.10 on after
 *   them, tf.keras 2.11-2.15 does not store it (keras4j then recomputes it from {@code iterations}).</li>
 * </ul>
 * keras4j writes the layout of current Keras 3 (for Nadam, {@code u_product} after the slots: Keras reads the
 * variables by position, and Keras 3.10 on would fail on the older layout) and reads every layout above,
 * telling them apart by the number of variables and their shapes.
 */
final class OptimizerVariables {
    private OptimizerVariables() {
    }

    /** What one of {@code optimizer/vars/0, 1, ...} holds. */
    private sealed interface Item permits Iterations, LearningRate, UProduct, SlotItem {
    }

    private record Iterations() implements Item {
    }

    private record LearningRate() implements Item {
    }

    private record UProduct() implements Item {
    }

    private record SlotItem(SlotLayout.Slot slot) implements Item {
    }

    /** One Keras version's layout of the variables. */
    private record Layout(String form, List<Item> items) {
    }

    /** The values to store, in order, as jHDF writes them. */
    static List<Object> values(Optimizer optimizer, List<Parameter> parameters) {
        List<Object> out = new ArrayList<>();
        for (Item item : keras3(optimizer, parameters.size(), true).items()) {
            out.add(value(item, optimizer, parameters));
        }
        return out;
    }

    /**
     * Keras 3's names of the {@link #values}, in the same order, as its legacy HDF5 files list them in
     * {@code optimizer_weights} (without the optimizer's name in front): {@code iteration}, {@code learning_rate},
     * each slot as its variable's path with '/' as '_' and the slot's name ({@code sequential_dense_kernel_momentum}),
     * Nadam's {@code u_product}.
     *
     * @param variablePaths Keras' path of each parameter, e.g. {@code sequential/dense/kernel}
     */
    static List<String> names(Optimizer optimizer, List<String> variablePaths) {
        List<String> out = new ArrayList<>();
        for (Item item : keras3(optimizer, variablePaths.size(), true).items()) {
            if (item instanceof Iterations) {
                out.add("iteration");
            } else if (item instanceof LearningRate) {
                out.add("learning_rate");
            } else if (item instanceof UProduct) {
                out.add("u_product");
            } else {
                SlotLayout.Slot s = ((SlotItem) item).slot();
                out.add(variablePaths.get(s.parameter()).replace('/', '_') + "_" + optimizer.slotNames().get(s.slot()));
            }
        }
        return out;
    }

    /**
     * Keras builds every slot when the model is compiled, so slots a parameter does not have yet (no step taken)
     * are created here with their initial values, exactly as the optimizer would create them at the first step.
     */
    private static Object value(Item item, Optimizer optimizer, List<Parameter> parameters) {
        if (item instanceof Iterations) {
            return optimizer.iterations();
        }
        if (item instanceof LearningRate) {
            return (float) optimizer.learningRate();
        }
        if (item instanceof UProduct) {
            return ((Nadam) optimizer).uProduct();
        }
        SlotLayout.Slot s = ((SlotItem) item).slot();
        Parameter p = parameters.get(s.parameter());
        return H5Arrays.nested(widen(optimizer.slotsOf(p)[s.slot()]), p.value().shape(), p.value().dataType());
    }

    /** The layouts a file may have, most likely first. */
    private static List<Layout> layouts(Optimizer optimizer, int parameters) {
        List<Layout> out = new ArrayList<>();
        out.add(keras3(optimizer, parameters, true));
        if (optimizer instanceof Nadam) {
            out.add(keras3(optimizer, parameters, false));
            List<Item> withoutProduct = new ArrayList<>(out.get(0).items());
            withoutProduct.remove(withoutProduct.size() - 1);
            out.add(new Layout("Keras 3 without u_product", withoutProduct));
        }
        List<Item> tfKeras = new ArrayList<>();
        tfKeras.add(new Iterations());
        OptimizerConfigs.tfKerasLayoutOf(optimizer).order(parameters).forEach(s -> tfKeras.add(new SlotItem(s)));
        out.add(new Layout("tf.keras 2.11-2.15", tfKeras));
        return out;
    }

    private static Layout keras3(Optimizer optimizer, int parameters, boolean productLast) {
        List<Item> items = new ArrayList<>();
        items.add(new Iterations());
        if (optimizer.learningRateSchedule() == null) {
            items.add(new LearningRate());
        }
        boolean nadam = optimizer instanceof Nadam;
        if (nadam && !productLast) {
            items.add(new UProduct());
        }
        OptimizerConfigs.layoutOf(optimizer).order(parameters).forEach(s -> items.add(new SlotItem(s)));
        if (nadam && productLast) {
            items.add(new UProduct());
        }
        return new Layout(nadam ? (productLast ? "Keras 3.10 on" : "Keras 3.0-3.9") : "Keras 3", items);
    }

    /**
     * Restores the step count, the learning rate (when the file's float32 value differs from the config's), Nadam's
     * product and every slot from {@code vars} ("0", "1", ...). A file without optimizer variables (an optimizer
     * never built in Keras) leaves the optimizer fresh. Everything is read and checked before the optimizer changes.
     */
    static void restore(Optimizer optimizer, List<Parameter> parameters, Map<String, Dataset> vars, String where) {
        if (vars.isEmpty()) {
            return;
        }
        for (int i = 0; i < vars.size(); i++) {
            if (!vars.containsKey(String.valueOf(i))) {
                throw new IllegalArgumentException("the optimizer variables at " + where + " are not numbered 0.." + (vars.size() - 1)
                        + ": found " + vars.keySet());
            }
        }
        List<Layout> layouts = layouts(optimizer, parameters.size());
        Layout layout = null;
        String problem = null;
        for (Layout candidate : layouts) {
            if (candidate.items().size() == vars.size()) {
                String mismatch = mismatch(candidate, optimizer, parameters, vars, where);
                if (mismatch == null) {
                    layout = candidate;
                    break;
                }
                problem = problem == null ? mismatch : problem;
            }
        }
        if (layout == null) {
            throw new IllegalArgumentException(problem != null ? problem : countMismatch(optimizer, parameters, vars.size(), where, layouts));
        }
        apply(layout, optimizer, parameters, vars, where);
    }

    private static void apply(Layout layout, Optimizer optimizer, List<Parameter> parameters, Map<String, Dataset> vars, String where) {
        long iterations = 0;
        Float learningRate = null;
        Float uProduct = null;
        List<SlotLayout.Slot> slots = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        for (int i = 0; i < layout.items().size(); i++) {
            Item item = layout.items().get(i);
            Dataset d = vars.get(String.valueOf(i));
            String what = where + "/" + i + " (" + describe(item, optimizer, parameters) + ")";
            if (item instanceof Iterations) {
                iterations = H5Arrays.readLong(d, what);
                if (iterations < 0) {
                    throw new IllegalArgumentException(where + "/" + i + " (iterations) is negative: " + iterations);
                }
            } else if (item instanceof LearningRate) {
                learningRate = (float) H5Arrays.readFloating(d, what)[0];
            } else if (item instanceof UProduct) {
                uProduct = (float) H5Arrays.readFloating(d, what)[0];
            } else if (((SlotItem) item).slot().slot() != SlotLayout.IGNORED) {
                slots.add(((SlotItem) item).slot());
                values.add(H5Arrays.readFloating(d, what));
            }
        }
        if (optimizer instanceof Nadam nadam) {
            // tf.keras 2.11-2.15 keeps u_product out of its variables: the product of the steps taken is recomputed.
            float product = uProduct != null ? uProduct : nadam.uProductAfter(iterations);
            if (!(product > 0 && product <= 1)) {
                throw new IllegalArgumentException(where + " holds Nadam's u_product " + product + ", which is not a product of momentum"
                        + " factors in (0, 1]");
            }
            nadam.setUProduct(product);
        }
        optimizer.setIterations(iterations);
        if (learningRate != null && learningRate != (float) optimizer.learningRate()) {
            optimizer.setLearningRate(learningRate);
        }
        if (iterations == 0) {
            return; // nothing was learned yet: slots start fresh at the first step, as they would have
        }
        for (int i = 0; i < slots.size(); i++) {
            SlotLayout.Slot s = slots.get(i);
            float[] target = optimizer.slotsOf(parameters.get(s.parameter()))[s.slot()];
            double[] stored = values.get(i);
            for (int k = 0; k < target.length; k++) {
                target[k] = (float) stored[k]; // slots are float32, as stored by Keras
            }
        }
    }

    /** Why {@code layout} does not fit the datasets (a shape or a type), or null when it does. */
    private static String mismatch(Layout layout, Optimizer optimizer, List<Parameter> parameters, Map<String, Dataset> vars, String where) {
        for (int i = 0; i < layout.items().size(); i++) {
            Item item = layout.items().get(i);
            Dataset d = vars.get(String.valueOf(i));
            String what = where + "/" + i + " (" + describe(item, optimizer, parameters) + ")";
            if (item instanceof SlotItem slot) {
                Parameter p = parameters.get(slot.slot().parameter());
                if (!H5Arrays.hasShape(d, p.value().shape())) {
                    return what + " has shape " + H5Arrays.shapeOf(d) + " but " + p.name() + " has shape " + Shape.describe(p.value().shape());
                }
            } else if (d.getDimensions().length != 0) {
                return what + " should be a scalar but has shape " + H5Arrays.shapeOf(d);
            } else if (item instanceof Iterations != isInteger(d)) {
                return what + " holds " + H5Arrays.describeType(d) + (item instanceof Iterations ? "; expected an integer" : "; expected a float");
            }
        }
        return null;
    }

    private static String describe(Item item, Optimizer optimizer, List<Parameter> parameters) {
        if (item instanceof Iterations) {
            return "iterations";
        }
        if (item instanceof LearningRate) {
            return "learning_rate";
        }
        if (item instanceof UProduct) {
            return "u_product";
        }
        SlotLayout.Slot s = ((SlotItem) item).slot();
        String name = s.slot() == SlotLayout.IGNORED ? "momentum, unused" : optimizer.slotNames().get(s.slot());
        return name + " of " + parameters.get(s.parameter()).name();
    }

    private static String countMismatch(Optimizer optimizer, List<Parameter> parameters, int found, String where, List<Layout> layouts) {
        List<String> expected = new ArrayList<>();
        for (Layout l : layouts) {
            expected.add(l.items().size() + " (" + l.form() + ")");
        }
        return "the optimizer '" + optimizer.name() + "' has " + found + " variables at " + where + " but this model needs "
                + String.join(" or ", expected.stream().distinct().toList()) + ": iterations, "
                + (optimizer.learningRateSchedule() == null ? "learning_rate (Keras 3), " : "")
                + parameters.size() + " parameters x " + optimizer.slotNames().size() + " slots " + optimizer.slotNames()
                + (optimizer instanceof Nadam ? ", u_product" : "") + "; the optimizer state does not belong to this model";
    }

    private static boolean isInteger(Dataset d) {
        Class<?> t = d.getJavaType();
        return t == long.class || t == Long.class || t == int.class || t == Integer.class || t == short.class || t == Short.class;
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
