package io.github.keras4j.examples.playground;

import java.util.List;

/**
 * The oracle for {@link PlaygroundNetwork}: the Playground's own algorithm ({@code nn.ts}: one point at a time,
 * derivatives accumulated per node and link, an update every {@code batchSize} points, counts carried across
 * iterations, L1 clipping with dead links), written per neuron and in double precision, without keras4j.
 */
final class ReferencePlayground {
    final double[][][] w; // [layer][dest][source]
    final double[][] b;   // [layer][dest]
    private final boolean[][][] dead;
    private final double[][][] accW;
    private final double[][] accB;
    private int accumulated;
    private final PlaygroundState s;
    private final List<Feature> inputs;
    private final int[] sizes;

    ReferencePlayground(PlaygroundState s, SeedRandom random) {
        this.s = s;
        inputs = s.inputs();
        sizes = new int[s.networkShape().size() + 2];
        sizes[0] = inputs.size();
        for (int l = 0; l < s.networkShape().size(); l++) {
            sizes[l + 1] = s.networkShape().get(l);
        }
        sizes[sizes.length - 1] = 1;
        int layers = sizes.length - 1;
        w = new double[layers][][];
        b = new double[layers][];
        dead = new boolean[layers][][];
        accW = new double[layers][][];
        accB = new double[layers][];
        for (int l = 0; l < layers; l++) {
            w[l] = new double[sizes[l + 1]][sizes[l]];
            dead[l] = new boolean[sizes[l + 1]][sizes[l]];
            accW[l] = new double[sizes[l + 1]][sizes[l]];
            b[l] = new double[sizes[l + 1]];
            accB[l] = new double[sizes[l + 1]];
            for (int d = 0; d < sizes[l + 1]; d++) {
                b[l][d] = 0.1;
                for (int src = 0; src < sizes[l]; src++) {
                    w[l][d][src] = random.nextDouble() - 0.5;
                }
            }
        }
    }

    private double f(int layer, double z) {
        boolean output = layer == w.length - 1;
        String a = output ? (s.regression() ? "linear" : "tanh") : s.activation();
        return switch (a) {
            case "tanh" -> Math.tanh(z);
            case "relu" -> Math.max(0, z);
            case "sigmoid" -> 1 / (1 + Math.exp(-z));
            default -> z;
        };
    }

    private double df(int layer, double z) {
        boolean output = layer == w.length - 1;
        String a = output ? (s.regression() ? "linear" : "tanh") : s.activation();
        return switch (a) {
            case "tanh" -> 1 - Math.tanh(z) * Math.tanh(z);
            case "relu" -> z <= 0 ? 0 : 1;
            case "sigmoid" -> {
                double o = 1 / (1 + Math.exp(-z));
                yield o * (1 - o);
            }
            default -> 1;
        };
    }

    /** Outputs of every layer (index 0: the inputs) and their total inputs. */
    private double[][][] forward(Example2D p) {
        double[][] out = new double[sizes.length][];
        double[][] total = new double[sizes.length][];
        out[0] = new double[sizes[0]];
        for (int k = 0; k < sizes[0]; k++) {
            out[0][k] = inputs.get(k).of(p.x(), p.y());
        }
        for (int l = 0; l < w.length; l++) {
            out[l + 1] = new double[sizes[l + 1]];
            total[l + 1] = new double[sizes[l + 1]];
            for (int d = 0; d < sizes[l + 1]; d++) {
                double z = b[l][d];
                for (int src = 0; src < sizes[l]; src++) {
                    z += w[l][d][src] * out[l][src];
                }
                total[l + 1][d] = z;
                out[l + 1][d] = f(l, z);
            }
        }
        return new double[][][] {out, total};
    }

    double predict(Example2D p) {
        double[][] out = forward(p)[0];
        return out[out.length - 1][0];
    }

    double loss(List<Example2D> points) {
        double sum = 0;
        for (Example2D p : points) {
            double d = predict(p) - p.label();
            sum += 0.5 * d * d;
        }
        return sum / points.size();
    }

    void iterate(List<Example2D> train) {
        for (int i = 0; i < train.size(); i++) {
            backprop(train.get(i));
            if ((i + 1) % s.batchSize() == 0) {
                update();
            }
        }
    }

    private void backprop(Example2D p) {
        double[][][] ft = forward(p);
        double[][] out = ft[0];
        double[][] total = ft[1];
        double[] outputDer = {out[out.length - 1][0] - p.label()};
        for (int l = w.length - 1; l >= 0; l--) {
            double[] inputDer = new double[sizes[l + 1]];
            for (int d = 0; d < sizes[l + 1]; d++) {
                inputDer[d] = outputDer[d] * df(l, total[l + 1][d]);
                accB[l][d] += inputDer[d];
                for (int src = 0; src < sizes[l]; src++) {
                    if (!dead[l][d][src]) {
                        accW[l][d][src] += inputDer[d] * out[l][src];
                    }
                }
            }
            double[] previous = new double[sizes[l]];
            for (int src = 0; src < sizes[l]; src++) {
                for (int d = 0; d < sizes[l + 1]; d++) {
                    previous[src] += w[l][d][src] * inputDer[d];
                }
            }
            outputDer = previous;
        }
        accumulated++;
    }

    private void update() {
        double lr = s.learningRate();
        for (int l = 0; l < w.length; l++) {
            for (int d = 0; d < sizes[l + 1]; d++) {
                b[l][d] -= lr * accB[l][d] / accumulated;
                accB[l][d] = 0;
                for (int src = 0; src < sizes[l]; src++) {
                    if (dead[l][d][src]) {
                        continue;
                    }
                    double weight = w[l][d][src];
                    double r = s.regularization().equals("L1") ? Math.signum(weight) : s.regularization().equals("L2") ? weight : 0;
                    weight -= lr / accumulated * accW[l][d][src];
                    double next = weight - lr * s.regularizationRate() * r;
                    if (s.regularization().equals("L1") && weight * next < 0) {
                        w[l][d][src] = 0;
                        dead[l][d][src] = true;
                    } else {
                        w[l][d][src] = next;
                    }
                    accW[l][d][src] = 0;
                }
            }
        }
        accumulated = 0;
    }

}
