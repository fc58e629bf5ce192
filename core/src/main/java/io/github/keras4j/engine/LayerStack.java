package io.github.keras4j.engine;

import io.github.keras4j.backend.NativeMemory;
import io.github.keras4j.backend.RowBuffer;
import io.github.keras4j.backend.Threads;
import io.github.keras4j.layers.ActivatedLayer;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.layers.Parameter;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.layers.StagedOutput;
import io.github.keras4j.losses.LogitsLoss;
import io.github.keras4j.losses.Loss;
import io.github.keras4j.optimizers.Optimizer;
import io.github.keras4j.regularizers.Regularizer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A linear stack of layers with its forward and backward passes and one training step. It builds
 * itself by passing each layer's output shape to the next, as soon as the input shape is known.
 */
public final class LayerStack {
    private final List<Layer> layers = new ArrayList<>();
    private Shape inputShape;
    private DataType dataType = DataType.FLOAT;

    // Training-step buffers, reused across steps.
    private double[] labels = new double[0];
    private double[] predictions = new double[0];
    private double[] gradient = new double[0];
    private double[] weights = new double[0];
    private double[] weightGradients = new double[0];
    private final RowBuffer gradientBuffer = new RowBuffer();
    private final List<Parameter> trainable = new ArrayList<>();
    private final List<Parameter> trainableView = Collections.unmodifiableList(trainable);
    private final List<Parameter> firstTrainableScratch = new ArrayList<>();
    private long largestProduct = -1;

    public LayerStack() {
        Threads.ensureConfigured();
    }

    /** Appends a layer, building it at once when the input shape is known. */
    public void add(Layer layer) {
        largestProduct = -1;
        layer.setIndex(layers.size());
        if (layers.isEmpty() && layer.declaredInputShape() != null) {
            inputShape = layer.declaredInputShape();
        } else if (!layers.isEmpty() && isBuilt()) {
            try {
                checkDeclaredShape(layer, outputShape());
            } catch (IllegalArgumentException e) {
                layer.setIndex(-1);
                throw e;
            }
        }
        if (inputShape != null) {
            Shape in = layers.isEmpty() ? inputShape : outputShape();
            try {
                layer.build(in, dataType);
            } catch (IllegalArgumentException e) {
                layer.setIndex(-1);
                throw e;
            }
        }
        layers.add(layer);
        markOutputLayer();
    }

    /**
     * Only the last layer's output feeds the loss, so only it must stage its pre-activation and activation for the
     * fused loss path; hidden layers may compute in place.
     */
    private void markOutputLayer() {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i) instanceof ActivatedLayer activated) {
                activated.stageForLoss(i == layers.size() - 1);
            }
        }
    }

    /** Removes and returns the last layer. */
    public Layer pop() {
        if (layers.isEmpty()) {
            throw new IllegalStateException("pop() on a model with no layers");
        }
        largestProduct = -1;
        Layer removed = layers.remove(layers.size() - 1);
        removed.setIndex(-1);
        if (removed instanceof ActivatedLayer activated) {
            activated.stageForLoss(true); // standalone again
        }
        if (layers.isEmpty()) {
            inputShape = null;
        }
        markOutputLayer();
        return removed;
    }

    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    public boolean isBuilt() {
        return inputShape != null && !layers.isEmpty() && layers.get(layers.size() - 1).isBuilt();
    }

    /** The input sample shape, or null before it is known. */
    public Shape inputShape() {
        return inputShape;
    }

    public DataType dataType() {
        return dataType;
    }

    /** Builds every layer for {@code inputShape} in {@code type} (float32, or float64 for gradient checks). */
    public void build(Shape inputShape, DataType type) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("the model has no layers yet: add layers before building it");
        }
        if (this.inputShape != null && !this.inputShape.equals(inputShape) && isBuilt()) {
            throw new IllegalArgumentException("the model was built for input " + this.inputShape.toBatchString()
                    + " but received " + inputShape.toBatchString());
        }
        Shape s = inputShape;
        for (Layer layer : layers) { // every shape checked before any weight is made: a failed build leaves nothing half built
            if (layer.index() > 0) {
                checkDeclaredShape(layer, s);
            }
            s = layer.computeOutputShape(s);
        }
        this.inputShape = inputShape;
        this.dataType = type;
        largestProduct = -1;
        s = inputShape;
        for (Layer layer : layers) {
            layer.build(s, type);
            s = layer.computeOutputShape(s);
        }
    }

    /** A layer after the first may declare an input shape only if it is the shape it will receive. */
    private void checkDeclaredShape(Layer layer, Shape previousOutput) {
        Shape declared = layer.declaredInputShape();
        if (declared != null && !declared.equals(previousOutput)) {
            throw new IllegalArgumentException(layer.describe() + " declares input shape " + declared.toBatchString()
                    + " but the previous layer '" + layers.get(layer.index() - 1).name() + "' outputs " + previousOutput.toBatchString()
                    + ". Remove inputShape(...) from it (only the first layer needs one), or change the layers before it.");
        }
    }

    /** The output sample shape of the last layer. */
    public Shape outputShape() {
        if (inputShape == null) {
            throw new IllegalStateException("the model's input shape is not known yet");
        }
        Shape s = inputShape;
        for (Layer layer : layers) {
            s = layer.computeOutputShape(s);
        }
        return s;
    }

    /** Every weight, layer by layer, each layer's in Keras' order (Keras' {@code model.weights}); a new list. */
    public List<Parameter> weights() {
        List<Parameter> all = new ArrayList<>();
        for (Layer layer : layers) {
            all.addAll(layer.weights());
        }
        return all;
    }

    /**
     * The weights training changes now (Keras' {@code model.trainable_weights}): trainable weights of layers that
     * are not frozen, layer by layer. Read-only, refilled on each call (layers may be frozen between steps) without
     * allocating, so valid until the next call.
     */
    public List<Parameter> trainableWeights() {
        trainable.clear();
        for (int i = 0; i < layers.size(); i++) { // indexed: no iterator garbage per step
            layers.get(i).addTrainableWeightsTo(trainable);
        }
        return trainableView;
    }

    /** Runs the layers in order. With {@code training}, layers remember what backward needs. */
    public INDArray forward(INDArray x, boolean training) {
        if (!isBuilt()) {
            build(Shape.ofSamples(x.shape()), x.dataType() == DataType.DOUBLE ? DataType.DOUBLE : DataType.FLOAT);
        }
        Threads.forPass(x.size(0) * largestProductPerSample());
        INDArray out = x;
        for (int i = 0; i < layers.size(); i++) { // indexed: an iterator per pass is garbage on every step
            out = layers.get(i).forward(out, training);
        }
        return out;
    }

    /** The multiply-adds per sample of the largest matrix product in a pass, as the layers report them; fixed once built. */
    private long largestProductPerSample() {
        long largest = largestProduct;
        if (largest < 0) {
            Shape s = inputShape;
            largest = 0;
            for (Layer layer : layers) {
                largest = Math.max(largest, layer.multiplyAddsPerSample(s));
                s = layer.computeOutputShape(s);
            }
            largestProduct = largest;
        }
        return largest;
    }

    /** Backward from dLoss/dOutput through every layer; returns dLoss/dInput. */
    public INDArray backward(INDArray gradOutput) {
        return backward(gradOutput, true);
    }

    /** As {@link #backward(INDArray)}; without {@code needInputGradient} the first layer may skip dLoss/dInput (null). */
    public INDArray backward(INDArray gradOutput, boolean needInputGradient) {
        INDArray g = gradOutput;
        for (int i = layers.size() - 1; i >= 0; i--) {
            g = layers.get(i).backward(g, i > 0 || needInputGradient);
        }
        return g;
    }

    /**
     * One training step on a batch: {@link #computeGradients} and, when the loss is finite, {@link #applyGradients}.
     * Returns the loss including penalties, and the batch's predictions (valid until the next step). When the loss is
     * NaN or infinite the optimizer update is not applied (the weights keep their values) and
     * {@link StepResult#updated()} is false.
     */
    public StepResult trainStep(INDArray x, INDArray y, Loss loss, Optimizer optimizer) {
        StepResult step = computeGradients(x, y, loss);
        if (step.updated()) {
            applyGradients(optimizer);
        }
        return step;
    }

    /**
     * The first half of a training step: forward, loss, backward and regularization penalties, leaving dLoss/dw in
     * the gradient of every {@link #trainableWeights() trainable weight}; no weight changes. Returns the loss
     * (penalties included), the predictions, and in {@link StepResult#updated()} whether the loss is finite, i.e.
     * whether the gradients may be applied.
     */
    public StepResult computeGradients(INDArray x, INDArray y, Loss loss) {
        INDArray out = forward(x, true);
        int width = (int) out.size(out.rank() - 1);
        int n = (int) out.length();
        int rows = n / width;
        int trueWidth = (int) (y.length() / rows);
        double[] yTrue = stage(y, labels = grow(labels, (int) y.length()));
        gradient = grow(gradient, n);
        List<Parameter> params = trainableWeights();
        int firstTrainable = firstTrainableLayer();
        Layer last = layers.get(layers.size() - 1);
        int lastIndex = layers.size() - 1;
        double value;
        INDArray g;
        StagedOutput staged = last instanceof ActivatedLayer activated ? activated.lastOutput() : null;
        if (staged != null) {
            // The output layer already holds z and a = f(z) as staged arrays: compute the loss on them and go
            // back to dLoss/dz there, instead of writing dLoss/da out for the layer to read back in.
            ActivatedLayer activated = (ActivatedLayer) last;
            LogitsLoss fused = loss.fusedWith(activated.activation());
            if (fused != null) {
                value = fused.compute(yTrue, staged, gradient, trueWidth);
            } else {
                value = loss.compute(yTrue, staged.a(), gradient, rows, width, trueWidth);
                activated.activation().backward(staged.z(), staged.a(), gradient, n, width);
            }
            g = lastIndex < firstTrainable ? null : activated.backwardFromPreActivation(gradient, lastIndex > firstTrainable);
        } else {
            predictions = grow(predictions, n);
            NativeMemory.read(out, predictions);
            value = loss.compute(yTrue, predictions, gradient, rows, width, trueWidth);
            INDArray gradientArray = gradientBuffer.rows((int) out.size(0), Arrays.copyOfRange(out.shape(), 1, out.rank()), out.dataType());
            NativeMemory.write(gradient, gradientArray);
            g = lastIndex < firstTrainable ? null : last.backward(gradientArray, lastIndex > firstTrainable);
        }
        for (int i = lastIndex - 1; i >= firstTrainable && g != null; i--) {
            g = layers.get(i).backward(g, i > firstTrainable);
        }
        value += applyRegularization(params);
        // A NaN or infinite loss means NaN or infinite gradients: applying them would write NaN into
        // every weight. Say so; the caller skips the update and decides whether to stop or throw.
        return new StepResult(value, out, Double.isFinite(value));
    }

    /** The second half of a training step: the optimizer's update of every trainable weight from its gradient. */
    public void applyGradients(Optimizer optimizer) {
        optimizer.apply(trainableWeights());
    }

    /** Sum of all regularization penalties; adds their gradients to the parameters' gradients. */
    private double applyRegularization(List<Parameter> params) {
        double penalty = 0;
        for (int k = 0; k < params.size(); k++) {
            Parameter p = params.get(k);
            Regularizer r = p.regularizer();
            if (r == null) {
                continue;
            }
            int n = (int) p.size();
            weights = grow(weights, n);
            weightGradients = grow(weightGradients, n);
            NativeMemory.read(p.value(), weights);
            NativeMemory.read(p.gradient(), weightGradients);
            penalty += r.penalty(weights, n);
            r.addGradient(weights, weightGradients, n);
            NativeMemory.write(weightGradients, p.gradient());
        }
        return penalty;
    }

    /** The sum of the regularization penalties of the trainable weights at their current values (added to reported losses). */
    public double regularizationPenalty() {
        // Not through trainableWeights(): its list is shared, and evaluate may call this from several threads at once.
        double penalty = 0;
        for (Layer layer : layers) {
            if (!layer.isTrainable()) {
                continue;
            }
            for (Parameter p : layer.weights()) {
                if (p.hasGradient() && p.regularizer() != null) {
                    double[] w = NativeMemory.read(p.value());
                    penalty += p.regularizer().penalty(w, w.length);
                }
            }
        }
        return penalty;
    }

    /**
     * Layers before the first one with trainable weights need no backward pass at all; with none at all (every
     * layer frozen) nothing does, and the result is the layer count.
     */
    private int firstTrainableLayer() {
        List<Parameter> scratch = firstTrainableScratch;
        for (int i = 0; i < layers.size(); i++) {
            scratch.clear();
            layers.get(i).addTrainableWeightsTo(scratch);
            if (!scratch.isEmpty()) {
                scratch.clear();
                return i;
            }
        }
        return layers.size();
    }

    private static double[] stage(INDArray a, double[] buffer) {
        NativeMemory.read(NativeMemory.contiguous(a), buffer);
        return buffer;
    }

    private static double[] grow(double[] a, int n) {
        return a.length >= n ? a : new double[n];
    }

    /**
     * The loss of one step (penalties included), the batch's predictions, and whether the loss is finite, so that
     * the optimizer update may be (and in {@link #trainStep} was) applied.
     */
    public record StepResult(double loss, INDArray predictions, boolean updated) {
    }
}
