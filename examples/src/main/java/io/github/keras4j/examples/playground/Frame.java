package io.github.keras4j.examples.playground;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the page draws at one moment, sent as JSON: the readouts, the output over [-6, 6]² as a
 * {@value #DENSITY}×{@value #DENSITY} heatmap, each neuron's output as a smaller one, and the weights. Heatmap
 * values are clamped to [-1, 1] (the colour scale's range, as in the Playground) and sent one byte each,
 * base64-encoded, rows from the top (y = 6) down, columns from x = -6.
 *
 * @param neurons hidden layers first, the output last; each layer's neurons' heatmaps ({@value #NEURON_DENSITY}² each)
 * @param kernels per layer, {@code [inputs][units]}
 * @param losses  {iteration, train loss, test loss} for each iteration since the previous frame
 */
public record Frame(int iteration, double lossTrain, double lossTest, boolean playing, String status, int dataVersion,
                    String hash, String heatmap, List<List<String>> neurons, List<double[][]> kernels,
                    List<double[]> biases, List<double[]> losses) {
    /** The Playground's heatmap density: 100 points a side over [-6, 6]. */
    public static final int DENSITY = 100;
    /** Neuron thumbnails: the heatmap averaged over 5×5 blocks (the Playground averages 10×10 into its 10-point ones). */
    public static final int NEURON_DENSITY = 20;
    public static final double DOMAIN = 6;

    private static final List<Example2D> GRID = grid();

    private static List<Example2D> grid() {
        List<Example2D> g = new ArrayList<>(DENSITY * DENSITY);
        for (int row = 0; row < DENSITY; row++) {
            for (int col = 0; col < DENSITY; col++) {
                g.add(new Example2D(coordinate(col), -coordinate(row), 0));
            }
        }
        return g;
    }

    /** Point {@code k} of {@value #DENSITY} on [-6, 6], both ends included (the Playground's xScale). */
    public static double coordinate(int k) {
        return -DOMAIN + 2 * DOMAIN * k / (DENSITY - 1);
    }

    static Frame of(PlaygroundNetwork network, PlaygroundState state, int iteration, double lossTrain, double lossTest,
                    boolean playing, String status, int dataVersion, List<double[]> losses) {
        List<double[][]> layers = network.activations(GRID);
        List<List<String>> neurons = new ArrayList<>();
        for (double[][] layer : layers) {
            List<String> maps = new ArrayList<>();
            for (int unit = 0; unit < layer[0].length; unit++) {
                maps.add(encode(reduce(layer, unit)));
            }
            neurons.add(maps);
        }
        double[][] output = layers.get(layers.size() - 1);
        double[] out = new double[output.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = output[i][0];
        }
        return new Frame(iteration, lossTrain, lossTest, playing, status, dataVersion, state.toHash(), encode(out), neurons,
                network.kernels(), network.biases(), losses);
    }

    /** One unit's values averaged over blocks of the grid. */
    private static double[] reduce(double[][] layer, int unit) {
        int block = DENSITY / NEURON_DENSITY;
        double[] r = new double[NEURON_DENSITY * NEURON_DENSITY];
        for (int row = 0; row < DENSITY; row++) {
            for (int col = 0; col < DENSITY; col++) {
                r[(row / block) * NEURON_DENSITY + col / block] += layer[row * DENSITY + col][unit] / (block * block);
            }
        }
        return r;
    }

    /** Values in [-1, 1] as bytes 0..255, base64. */
    static String encode(double[] values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = Math.max(-1, Math.min(1, values[i]));
            b[i] = (byte) Math.round((v + 1) * 127.5);
        }
        return Base64.getEncoder().encodeToString(b);
    }
}
