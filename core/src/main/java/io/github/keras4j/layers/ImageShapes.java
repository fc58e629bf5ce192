package io.github.keras4j.layers;

/** The checks the image layers share: channels-last input of rank 3 and window sizes that fit it. */
final class ImageShapes {
    private ImageShapes() {
    }

    /** Throws unless {@code input} is one channels-last image {@code (height, width, channels)}. */
    static void requireImage(Layer layer, Shape input) {
        if (input.rank() == 3) {
            return;
        }
        String hint;
        if (input.rank() == 2) {
            String hw = input.dim(0) + ", " + input.dim(1);
            hint = " Add the channel axis: x.reshape(N, " + hw + ", 1) for the data, or a Reshape(" + hw + ", 1) layer first.";
        } else {
            hint = " Reshape the data to (batch, height, width, channels).";
        }
        throw new IllegalArgumentException(layer.describe() + " expected images (batch, height, width, channels) but received"
                + " input " + input.toBatchString() + "." + hint);
    }

    /** Positive integers, one per spatial axis, named for messages ({@code "Conv2D kernelSize"}). */
    static int[] positivePair(String what, int h, int w) {
        if (h <= 0 || w <= 0) {
            throw new IllegalArgumentException(what + " must be positive integers, got (" + h + ", " + w + ")");
        }
        return new int[] {h, w};
    }

    /** Throws when a valid-padded window does not fit in the image, naming the layer, the window and the image. */
    static void requireOutput(Layer layer, Shape input, int outH, int outW, String window, int spanH, int spanW) {
        if (outH > 0 && outW > 0) {
            return;
        }
        throw new IllegalArgumentException(layer.describe() + " has a " + window + " spanning " + spanH + "x" + spanW
                + " but its input " + input.toBatchString() + " is only " + input.dim(0) + "x" + input.dim(1)
                + ", so with padding \"valid\" its output would have no rows or columns. Use a smaller window, padding \"same\","
                + " or a larger input (fewer pooling layers before it).");
    }
}
