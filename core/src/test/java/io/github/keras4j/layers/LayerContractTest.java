package io.github.keras4j.layers;

import io.github.keras4j.regularizers.Regularizers;
import io.github.keras4j.testing.LayerContract;
import org.junit.jupiter.api.Test;

/** The layer contract ({@link LayerContract}) for every layer, in the configurations that change its code path. */
class LayerContractTest {
    @Test
    void dense() {
        LayerContract.of(() -> new Dense(4, "tanh")).input(5).output(4).weights(2, 0).params(24).check();
        LayerContract.of(() -> new Dense(3).useBias(false)).input(2, 5).output(2, 3).weights(1, 0).params(15).check();
        LayerContract.of(() -> new Dense(6, "relu").kernelRegularizer(Regularizers.l2(0.1))).input(4).output(6).weights(2, 0).params(30).check();
        LayerContract.of(() -> new Dense(3, "softmax")).input(7).output(3).weights(2, 0).params(24).check();
    }

    @Test
    void flatten() {
        LayerContract.of(Flatten::new).input(3, 4, 2).output(24).weights(0, 0).params(0).check();
    }

    @Test
    void activation() {
        LayerContract.of(() -> new Activation("softmax")).input(2, 5).output(2, 5).weights(0, 0).params(0).check();
        LayerContract.of(() -> new Activation("elu")).input(6).output(6).weights(0, 0).params(0).check();
    }

    @Test
    void dropout() {
        LayerContract.of(() -> new Dropout(0.4)).input(8).output(8).weights(0, 0).params(0).randomWhileTraining().check();
    }

    @Test
    void reshape() {
        LayerContract.of(() -> new Reshape(2, -1)).input(3, 4).output(2, 6).weights(0, 0).params(0).check();
        LayerContract.of(() -> new Reshape(28, 28, 1)).input(784).output(28, 28, 1).weights(0, 0).params(0).check();
    }

    @Test
    void rescaling() {
        LayerContract.of(() -> new Rescaling(1 / 255.0)).input(4, 4, 1).output(4, 4, 1).weights(0, 0).params(0).check();
        LayerContract.of(() -> new Rescaling(2, -1)).input(5).output(5).weights(0, 0).params(0).check();
    }

    @Test
    void batchNormalization() {
        LayerContract.of(BatchNormalization::new).input(6).output(6).weights(2, 2).params(24).check();
        LayerContract.of(BatchNormalization::new).input(3, 3, 4).output(3, 3, 4).weights(2, 2).params(16).check();
        LayerContract.of(() -> new BatchNormalization().center(false)).input(5).output(5).weights(1, 2).params(15).check();
        LayerContract.of(() -> new BatchNormalization().scale(false).center(false)).input(5).output(5).weights(0, 2).params(10).check();
        LayerContract.of(() -> new BatchNormalization().trainable(false)).input(2, 4).output(2, 4).weights(0, 4).params(16).check();
    }

    @Test
    void conv2d() {
        LayerContract.of(() -> new Conv2D(3, 2, "tanh")).input(4, 4, 2).output(3, 3, 3).weights(2, 0).params(27).check();
        LayerContract.of(() -> new Conv2D(2, 3).padding("same").strides(2, 2)).input(4, 5, 1).output(2, 3, 2).weights(2, 0).params(20).check();
        LayerContract.of(() -> new Conv2D(2, 2).kernelSize(2, 3).dilationRate(2, 1).useBias(false)).input(5, 5, 3).output(3, 3, 2)
                .weights(1, 0).params(36).check();
        LayerContract.of(() -> new Conv2D(4, 3, "relu").padding("same").kernelRegularizer(Regularizers.l2(0.1))).input(3, 3, 2)
                .output(3, 3, 4).weights(2, 0).params(76).check();
        LayerContract.of(() -> new Conv2D(3, 1, "softmax")).input(2, 2, 2).output(2, 2, 3).weights(2, 0).params(9).check();
    }

    @Test
    void pooling2d() {
        LayerContract.of(MaxPooling2D::new).input(4, 5, 2).output(2, 2, 2).weights(0, 0).params(0).check();
        LayerContract.of(() -> new MaxPooling2D(3).strides(2).padding("same")).input(5, 4, 3).output(3, 2, 3).weights(0, 0).params(0).check();
        LayerContract.of(() -> new AveragePooling2D(2)).input(4, 4, 1).output(2, 2, 1).weights(0, 0).params(0).check();
        LayerContract.of(() -> new AveragePooling2D(2).strides(1).padding("same")).input(3, 3, 2).output(3, 3, 2).weights(0, 0).params(0).check();
        LayerContract.of(GlobalAveragePooling2D::new).input(3, 2, 4).output(4).weights(0, 0).params(0).check();
        LayerContract.of(GlobalMaxPooling2D::new).input(2, 3, 3).output(3).weights(0, 0).params(0).check();
    }
}
