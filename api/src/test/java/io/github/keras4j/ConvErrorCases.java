package io.github.keras4j;

import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.GlobalAveragePooling2D;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.models.Sequential;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The catalogue's entries about convolution and pooling layers: images without a channel axis, windows that do not fit, bad arguments. */
final class ConvErrorCases implements CatalogueSection {
    @Override
    public void addTo(ErrorCases cases) throws Exception {
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(32, 3, "relu").inputShape(28, 28)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(32, 3, "relu").inputShape(28, 28, 1))
                .predict(Nd4j.zeros(DataType.FLOAT, 2, 28, 28)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new GlobalAveragePooling2D().inputShape(10)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(8, 5).inputShape(3, 3, 1)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(8, 3).inputShape(4, 4, 1), new MaxPooling2D(3)));
        cases.add(IllegalArgumentException.class, () -> new Conv2D(0, 3));
        cases.add(IllegalArgumentException.class, () -> new Conv2D(8, 3).strides(0, 1));
        cases.add(IllegalArgumentException.class, () -> new MaxPooling2D(0));
        cases.add(IllegalArgumentException.class, () -> new Conv2D(8, 3).padding("causal"));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(8, 3).strides(2).dilationRate(2).inputShape(9, 9, 1)));
    }
}
