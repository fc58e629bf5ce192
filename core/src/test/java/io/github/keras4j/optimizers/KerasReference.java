package io.github.keras4j.optimizers;

/**
 * Keras' update rules (keras/src/optimizers/sgd.py, adam.py, rmsprop.py, adagrad.py, {@code update_step}),
 * rewritten here in the plainest Java, one parameter at a time, as the oracle the optimizers are tested
 * against. Each instance holds the state of one parameter of {@code n} scalars.
 */
abstract class KerasReference {
    /** Updates {@code w} in place for gradient {@code g} at step {@code t} (1 on the first step). */
    abstract void step(double[] w, double[] g, long t);

    /** The state in Keras' variable order, e.g. Adam's momentum then velocity. */
    abstract double[][] slots();

    static KerasReference sgd(int n, double lr, double momentum, boolean nesterov) {
        return new KerasReference() {
            final double[] m = new double[n];

            @Override
            void step(double[] w, double[] g, long t) {
                for (int i = 0; i < n; i++) {
                    if (momentum == 0) {
                        w[i] = w[i] - g[i] * lr;
                    } else {
                        m[i] = m[i] * momentum - g[i] * lr;
                        w[i] = nesterov ? w[i] + (m[i] * momentum - g[i] * lr) : w[i] + m[i];
                    }
                }
            }

            @Override
            double[][] slots() {
                return momentum == 0 ? new double[0][] : new double[][] {m};
            }
        };
    }

    static KerasReference adam(int n, double lr, double beta1, double beta2, double epsilon) {
        return new KerasReference() {
            final double[] m = new double[n];
            final double[] v = new double[n];

            @Override
            void step(double[] w, double[] g, long t) {
                double alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
                for (int i = 0; i < n; i++) {
                    m[i] = m[i] + (g[i] - m[i]) * (1 - beta1);
                    v[i] = v[i] + (g[i] * g[i] - v[i]) * (1 - beta2);
                    w[i] = w[i] - (m[i] * alpha) / (Math.sqrt(v[i]) + epsilon);
                }
            }

            @Override
            double[][] slots() {
                return new double[][] {m, v};
            }
        };
    }

    static KerasReference rmsprop(int n, double lr, double rho, double momentum, double epsilon, boolean centered) {
        return new KerasReference() {
            final double[] velocity = new double[n];
            final double[] mom = new double[n];
            final double[] averageGradient = new double[n];

            @Override
            void step(double[] w, double[] g, long t) {
                for (int i = 0; i < n; i++) {
                    velocity[i] = rho * velocity[i] + (1 - rho) * (g[i] * g[i]);
                    double denominator;
                    if (centered) {
                        averageGradient[i] = rho * averageGradient[i] + (1 - rho) * g[i];
                        denominator = velocity[i] - averageGradient[i] * averageGradient[i] + epsilon;
                    } else {
                        denominator = velocity[i] + epsilon;
                    }
                    double increment = (lr * g[i]) / Math.sqrt(denominator);
                    if (momentum > 0) {
                        mom[i] = momentum * mom[i] + increment;
                        w[i] = w[i] - mom[i];
                    } else {
                        w[i] = w[i] - increment;
                    }
                }
            }

            @Override
            double[][] slots() {
                if (momentum > 0 && centered) {
                    return new double[][] {velocity, mom, averageGradient};
                }
                return momentum > 0 ? new double[][] {velocity, mom}
                        : centered ? new double[][] {velocity, averageGradient} : new double[][] {velocity};
            }
        };
    }

    static KerasReference adagrad(int n, double lr, double initialAccumulatorValue, double epsilon) {
        return new KerasReference() {
            final double[] accumulator = filled(n, initialAccumulatorValue);

            @Override
            void step(double[] w, double[] g, long t) {
                for (int i = 0; i < n; i++) {
                    accumulator[i] = accumulator[i] + g[i] * g[i];
                    w[i] = w[i] - (lr * g[i]) / Math.sqrt(accumulator[i] + epsilon);
                }
            }

            @Override
            double[][] slots() {
                return new double[][] {accumulator};
            }
        };
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
