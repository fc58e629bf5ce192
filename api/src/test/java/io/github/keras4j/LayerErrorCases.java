package io.github.keras4j;

import io.github.keras4j.layers.BatchNormalization;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Rescaling;
import io.github.keras4j.layers.Reshape;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.models.Sequential;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.nio.file.Files;

/** The catalogue's entries about layers: sizes beyond what can exist, shapes a layer cannot take, bad arguments. */
final class LayerErrorCases implements CatalogueSection {
    @Override
    public void addTo(ErrorCases cases) throws Exception {
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Dense(50000).inputShape(50000)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Dense(2_000_000).inputShape(1000)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Reshape(5, 5).inputShape(28, 28)));
        cases.add(IllegalArgumentException.class, () -> new Reshape(-1, -1));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new BatchNormalization().axis(1).inputShape(28, 28, 3)));
        cases.add(IllegalArgumentException.class, () -> new BatchNormalization().momentum(1.5));
        cases.add(IllegalArgumentException.class, () -> new Rescaling(Double.NaN));
        cases.add(IllegalArgumentException.class, () -> {
            Sequential model = new Sequential(new Doubler().inputShape(3));
            model.save(Files.createDirectories(cases.tmp().resolve("models")).resolve("custom.keras"));
        });
    }

    /** A layer of a user's own, with no codec registered. */
    static final class Doubler extends Layer {
        @Override
        public Shape computeOutputShape(Shape inputShape) {
            return inputShape;
        }

        @Override
        protected INDArray call(INDArray x, boolean training) {
            return x.mul(2);
        }

        @Override
        public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
            return gradOutput.mul(2);
        }
    }
}
