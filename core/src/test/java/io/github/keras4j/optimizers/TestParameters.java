package io.github.keras4j.optimizers;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.List;

/**
 * Real layer parameters for optimizer tests: the kernel and bias of a small Dense layer, given values
 * and gradients by hand.
 */
final class TestParameters {
    private TestParameters() {
    }

    /** A single parameter holding {@code values}: the (n, 1) kernel of a Dense(1) without bias. */
    static Parameter vector(DataType type, double... values) {
        Dense dense = new Dense(1).useBias(false);
        dense.build(Shape.of(values.length), type);
        Parameter p = dense.kernel();
        NativeMemory.write(values, p.value());
        return p;
    }

    /** Kernel (3, 2) and bias (2) of one Dense layer, with {@code kernel} and {@code bias} as values. */
    static List<Parameter> kernelAndBias(DataType type, double[] kernel, double[] bias) {
        Dense dense = new Dense(2);
        dense.build(Shape.of(3), type);
        NativeMemory.write(kernel, dense.kernel().value());
        NativeMemory.write(bias, dense.bias().value());
        return List.of(dense.kernel(), dense.bias());
    }

    /** {@code w} after one step of {@code optimizer} with gradient {@code g}, on a parameter of {@code type}. */
    static double[] oneStep(Optimizer optimizer, DataType type, double[] w, double[] g) {
        Parameter p = vector(type, w);
        setGradient(p, g);
        optimizer.apply(List.of(p));
        return values(p);
    }

    static void setGradient(Parameter p, double... gradient) {
        NativeMemory.write(gradient, p.gradient());
    }

    static double[] values(Parameter p) {
        return NativeMemory.read(p.value());
    }
}
