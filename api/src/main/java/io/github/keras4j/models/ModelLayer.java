package io.github.keras4j.models;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

/**
 * A model used as a layer of another model, as Keras allows ({@code Sequential([model, Softmax()])}): its forward
 * and backward passes are the inner model's, and its weights are the inner model's own arrays, shared, so training
 * the outer model trains the inner one and the inner model still predicts on its own, as in Keras. It is named after
 * the inner model and shows in summaries as a {@code Sequential} layer with the inner model's parameters.
 * {@link #trainable(boolean) trainable(false)} freezes every inner layer (Keras' {@code model.trainable = False}).
 */
final class ModelLayer extends Layer {
    private final Sequential inner;

    ModelLayer(Sequential inner) {
        this.inner = inner;
        name(inner.name());
        Shape input = inner.stack().inputShape();
        if (input != null) {
            inputShape(input.dims());
        }
    }

    /** The model inside. */
    Sequential model() {
        return inner;
    }

    @Override
    public String typeName() {
        return "Sequential";
    }

    @Override
    public Shape computeOutputShape(Shape inputShape) {
        LayerStack stack = inner.stack();
        if (stack.inputShape() != null && !stack.inputShape().equals(inputShape)) {
            throw new IllegalArgumentException(describe() + " is model '" + inner.name() + "', built for input "
                    + stack.inputShape().toBatchString() + ", but receives " + inputShape.toBatchString()
                    + ". Give it data of its own input shape, or change the layers before it.");
        }
        Shape s = inputShape;
        for (Layer layer : stack.layers()) {
            s = layer.computeOutputShape(s);
        }
        return s;
    }

    @Override
    protected void onBuild(Shape inputShape) {
        inner.ensureBuilt(inputShape, dataType()); // float32, or float64 in gradient checks
    }

    @Override
    protected INDArray call(INDArray x, boolean training) {
        return inner.stack().forward(x, training);
    }

    @Override
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        return inner.stack().backward(gradOutput, needInputGradient);
    }

    @Override
    public List<Parameter> weights() {
        return inner.stack().weights();
    }

    @Override
    public void addTrainableWeightsTo(List<Parameter> out) {
        if (!isTrainable()) {
            return;
        }
        for (Layer layer : inner.stack().layers()) {
            layer.addTrainableWeightsTo(out);
        }
    }

    @Override
    public List<Parameter> trainableWeights() {
        List<Parameter> out = new ArrayList<>();
        addTrainableWeightsTo(out);
        return out;
    }

    @Override
    public List<Parameter> nonTrainableWeights() {
        List<Parameter> trainable = trainableWeights();
        List<Parameter> out = new ArrayList<>();
        for (Parameter p : weights()) {
            if (!trainable.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public long countParams() {
        long n = 0;
        for (Parameter p : weights()) {
            n += p.size();
        }
        return n;
    }

    @Override
    public long multiplyAddsPerSample(Shape inputShape) {
        long largest = 0;
        Shape s = inputShape;
        for (Layer layer : inner.stack().layers()) {
            largest = Math.max(largest, layer.multiplyAddsPerSample(s));
            s = layer.computeOutputShape(s);
        }
        return largest;
    }

    /** True when {@code model} is {@code outer} or is held, at any depth, as a layer of it. */
    static boolean holds(Sequential outer, Sequential model) {
        if (model == outer) {
            return true;
        }
        for (Layer layer : outer.layers()) {
            if (layer instanceof ModelLayer nested && holds(nested.inner, model)) {
                return true;
            }
        }
        return false;
    }

    /** Saving writes the layers one by one; a model held as a layer has no file form in keras4j yet. */
    static void refuseNested(Sequential model, String method) {
        for (Layer layer : model.layers()) {
            if (layer instanceof ModelLayer nested) {
                throw new IllegalArgumentException(method + "(): model '" + model.name() + "' holds model '" + nested.inner.name()
                        + "' as a layer, which keras4j cannot write to a file yet. Save the inner model itself (its weights are the"
                        + " ones trained), or build this model from the inner model's layers.");
            }
        }
    }
}
