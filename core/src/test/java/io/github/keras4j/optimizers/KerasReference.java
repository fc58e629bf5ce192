package io.github.keras4j.optimizers;

/**
 * Keras' update rules (keras/src/optimizers/sgd.py, adam.py, rmsprop.py, adagrad.py, nadam.py, adamax.py,
 * adadelta.py, {@code update_step}),
 * rewritten here in the plainest Java, one parameter at a time, as the oracle the optimizers are tested
 * against. Each instance holds the state of one parameter of {@code n} scalars.
 */
abstract class KerasReference {
    /** The learning rate of {@link #step(double[], double[], long)}. */
    final double lr;

    KerasReference(double lr) {
        this.lr = lr;
    }

    /** Updates {@code w} in place for gradient {@code g} at step {@code t} (1 on the first step) with rate {@code lr}. */
    abstract void step(double[] w, double[] g, long t, double lr);

    /** A step at this reference's own learning rate. */
    final void step(double[] w, double[] g, long t) {
        step(w, g, t, lr);
    }

    /** The state in Keras' variable order, e.g. Adam's momentum then velocity. */
    abstract double[][] slots();

    static KerasReference sgd(int n, double lr, double momentum, boolean nesterov) {
        return new KerasReference(lr) {
            final double[] m = new double[n];

            @Override
            void step(double[] w, double[] g, long t, double lr) {
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
        return adam(n, lr, beta1, beta2, epsilon, false);
    }

    /** Adam (adam.py); with {@code amsgrad} the step divides by the running maximum of v (velocity_hat). */
    static KerasReference adam(int n, double lr, double beta1, double beta2, double epsilon, boolean amsgrad) {
        return new KerasReference(lr) {
            final double[] m = new double[n];
            final double[] v = new double[n];
            final double[] vhat = new double[n];

            @Override
            void step(double[] w, double[] g, long t, double lr) {
                double alpha = lr * Math.sqrt(1 - Math.pow(beta2, t)) / (1 - Math.pow(beta1, t));
                for (int i = 0; i < n; i++) {
                    m[i] = m[i] + (g[i] - m[i]) * (1 - beta1);
                    v[i] = v[i] + (g[i] * g[i] - v[i]) * (1 - beta2);
                    vhat[i] = Math.max(vhat[i], v[i]);
                    w[i] = w[i] - (m[i] * alpha) / (Math.sqrt(amsgrad ? vhat[i] : v[i]) + epsilon);
                }
            }

            @Override
            double[][] slots() {
                return amsgrad ? new double[][] {m, v, vhat} : new double[][] {m, v};
            }
        };
    }

    static KerasReference rmsprop(int n, double lr, double rho, double momentum, double epsilon, boolean centered) {
        return new KerasReference(lr) {
            final double[] velocity = new double[n];
            final double[] mom = new double[n];
            final double[] averageGradient = new double[n];

            @Override
            void step(double[] w, double[] g, long t, double lr) {
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
        return new KerasReference(lr) {
            final double[] accumulator = filled(n, initialAccumulatorValue);

            @Override
            void step(double[] w, double[] g, long t, double lr) {
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

    /** Nadam (nadam.py): u_product is multiplied by u_t once per step, before the variables are updated. */
    static KerasReference nadam(int n, double lr, double beta1, double beta2, double epsilon) {
        return new KerasReference(lr) {
            final double[] m = new double[n];
            final double[] v = new double[n];
            double uProduct = 1;

            @Override
            void step(double[] w, double[] g, long t, double lr) {
                double uT = beta1 * (1 - 0.5 * Math.pow(0.96, t));
                double uT1 = beta1 * (1 - 0.5 * Math.pow(0.96, t + 1));
                uProduct = uProduct * uT;
                double uProductT1 = uProduct * uT1;
                double beta2Power = Math.pow(beta2, t);
                for (int i = 0; i < n; i++) {
                    m[i] = m[i] + (g[i] - m[i]) * (1 - beta1);
                    v[i] = v[i] + (g[i] * g[i] - v[i]) * (1 - beta2);
                    double mHat = uT1 * m[i] / (1 - uProductT1) + (1 - uT) * g[i] / (1 - uProduct);
                    double vHat = v[i] / (1 - beta2Power);
                    w[i] = w[i] - mHat * lr / (Math.sqrt(vHat) + epsilon);
                }
            }

            @Override
            double[][] slots() {
                return new double[][] {m, v};
            }
        };
    }

    /** Adamax (adamax.py): the infinity norm u in place of Adam's v. */
    static KerasReference adamax(int n, double lr, double beta1, double beta2, double epsilon) {
        return new KerasReference(lr) {
            final double[] m = new double[n];
            final double[] u = new double[n];

            @Override
            void step(double[] w, double[] g, long t, double lr) {
                double beta1Power = Math.pow(beta1, t);
                for (int i = 0; i < n; i++) {
                    m[i] = m[i] + (g[i] - m[i]) * (1 - beta1);
                    u[i] = Math.max(beta2 * u[i], Math.abs(g[i]));
                    w[i] = w[i] - lr * m[i] / ((1 - beta1Power) * (u[i] + epsilon));
                }
            }

            @Override
            double[][] slots() {
                return new double[][] {m, u};
            }
        };
    }

    /** Adadelta (adadelta.py): rms(x) = sqrt(x + epsilon). */
    static KerasReference adadelta(int n, double lr, double rho, double epsilon) {
        return new KerasReference(lr) {
            final double[] accumulatedGrad = new double[n];
            final double[] accumulatedDelta = new double[n];

            @Override
            void step(double[] w, double[] g, long t, double lr) {
                for (int i = 0; i < n; i++) {
                    accumulatedGrad[i] = rho * accumulatedGrad[i] + (1 - rho) * g[i] * g[i];
                    double delta = -(Math.sqrt(accumulatedDelta[i] + epsilon) * g[i]) / Math.sqrt(accumulatedGrad[i] + epsilon);
                    accumulatedDelta[i] = rho * accumulatedDelta[i] + (1 - rho) * delta * delta;
                    w[i] = w[i] + lr * delta;
                }
            }

            @Override
            double[][] slots() {
                return new double[][] {accumulatedGrad, accumulatedDelta};
            }
        };
    }

    /**
     * {@code base} behind Keras' per-step options (base_optimizer.py, {@code _backend_apply_gradients}): the
     * gradient clipped by {@code clipnorm} ({@code _clip_by_norm}: g * c / max(||g||, c)) or by {@code clipvalue},
     * then the weights decayed ({@code _apply_weight_decay}: w - w * wd * lr), then the update. Null turns an
     * option off. The learning rate of step t is {@code schedule(t - 1)}, Keras' schedule at {@code iterations}.
     */
    static KerasReference withOptions(KerasReference base, Double clipnorm, Double clipvalue, Double weightDecay,
                                      java.util.function.LongToDoubleFunction schedule) {
        return new KerasReference(base.lr) {
            @Override
            void step(double[] w, double[] gradient, long t, double lr) {
                double rate = schedule == null ? lr : schedule.applyAsDouble(t - 1);
                double[] g = gradient.clone();
                if (clipnorm != null) {
                    double sum = 0;
                    for (double x : g) {
                        sum += x * x;
                    }
                    double norm = Math.sqrt(sum);
                    for (int i = 0; i < g.length; i++) {
                        g[i] = g[i] * clipnorm / Math.max(norm, clipnorm);
                    }
                }
                if (clipvalue != null) {
                    for (int i = 0; i < g.length; i++) {
                        g[i] = Math.min(Math.max(g[i], -clipvalue), clipvalue);
                    }
                }
                if (weightDecay != null) {
                    for (int i = 0; i < w.length; i++) {
                        w[i] = w[i] - w[i] * weightDecay * rate;
                    }
                }
                base.step(w, g, t, rate);
            }

            @Override
            double[][] slots() {
                return base.slots();
            }
        };
    }

    private static double[] filled(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
