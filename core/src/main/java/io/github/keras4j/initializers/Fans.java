package io.github.keras4j.initializers;

/**
 * Keras' fan-in and fan-out of a weight shape: for a Dense kernel {@code (in, out)} they are in and out;
 * for higher ranks (convolution kernels) the leading axes form the receptive field, which multiplies both.
 */
public record Fans(double fanIn, double fanOut) {
    public static Fans of(long[] shape) {
        if (shape.length == 0) {
            return new Fans(1, 1);
        }
        if (shape.length == 1) {
            return new Fans(shape[0], shape[0]);
        }
        if (shape.length == 2) {
            return new Fans(shape[0], shape[1]);
        }
        double receptive = 1;
        for (int i = 0; i < shape.length - 2; i++) {
            receptive *= shape[i];
        }
        return new Fans(shape[shape.length - 2] * receptive, shape[shape.length - 1] * receptive);
    }
}
