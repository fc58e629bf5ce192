package io.github.keras4j.models;

/**
 * What to do with weights that hold NaN or an infinity when they are set or loaded ({@link Sequential#setWeights},
 * {@link Sequential#loadWeights}, {@link Models#load}). Such a model computes NaN for every input; it usually
 * comes from a training run that diverged. By default keras4j refuses them, naming the layer, the weight and the
 * first bad value; {@link #ALLOW} takes them as they are, e.g. to inspect a diverged model:
 * <pre>{@code
 * Sequential broken = Models.load(Path.of("diverged.keras"), NonFiniteWeights.ALLOW);
 * }</pre>
 */
public enum NonFiniteWeights {
    /** Fail with an {@link IllegalArgumentException} (a {@code ModelFileException} for files); nothing changes. The default. */
    REFUSE,
    /** Take the weights as they are. */
    ALLOW
}
