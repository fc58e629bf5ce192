package io.github.keras4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.callbacks.LearningRateScheduler;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.AdamW;
import io.github.keras4j.optimizers.Nadam;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.optimizers.schedules.CosineDecay;
import io.github.keras4j.optimizers.schedules.ExponentialDecay;
import io.github.keras4j.optimizers.schedules.PiecewiseConstantDecay;
import io.github.keras4j.saving.ModelFileException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.util.function.Consumer;

import static io.github.keras4j.ErrorCases.QUIET;

/** The catalogue's entries about optimizers, their options, learning-rate schedules and optimizers in model files. */
final class OptimizerErrorCases implements CatalogueSection {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void addTo(ErrorCases cases) throws Exception {
        options(cases);
        schedules(cases);
        files(cases);
    }

    private void options(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> new Adam().clipnorm(0.0));
        cases.add(IllegalArgumentException.class, () -> new SGD().clipvalue(0.5).clipnorm(1.0));
        cases.add(IllegalArgumentException.class, () -> new Adam().weightDecay(-0.1));
        cases.add(IllegalArgumentException.class, () -> new AdamW().weightDecay(null));
        cases.add(IllegalArgumentException.class, () -> new SGD().excludeFromWeightDecay("bias("));
        cases.add(IllegalArgumentException.class, () -> new Nadam().setUProduct(2f));
    }

    private void schedules(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 0, 0.96));
        cases.add(IllegalArgumentException.class, () -> new ExponentialDecay(0.1, 1000, -0.5));
        cases.add(IllegalArgumentException.class, () -> new CosineDecay(-0.1, 100));
        cases.add(IllegalArgumentException.class, () -> new PiecewiseConstantDecay(new long[] {10, 20}, new double[] {0.1, 0.01}));
        cases.add(IllegalArgumentException.class, () -> new PiecewiseConstantDecay(new long[] {20, 10}, new double[] {0.1, 0.01, 0.001}));
        cases.add(IllegalStateException.class, () -> new Adam(new ExponentialDecay(0.1, 1000, 0.96)).setLearningRate(0.05));
        cases.add(IllegalStateException.class, () -> {
            Sequential model = new Sequential(new Dense(1).inputShape(3));
            model.compile(new SGD(new ExponentialDecay(0.1, 1000, 0.96)), "mse");
            model.fit(Nd4j.rand(DataType.FLOAT, 8, 3), Nd4j.rand(DataType.FLOAT, 8, 1),
                    QUIET.withCallbacks(new LearningRateScheduler((epoch, lr) -> lr * 0.9)));
        });
    }

    private void files(ErrorCases cases) throws Exception {
        cases.add(ModelFileException.class, () -> Models.fromJson(edited(o -> o.put("use_ema", true))));
        cases.add(ModelFileException.class, () -> Models.fromJson(edited(o -> o.set("learning_rate",
                MAPPER.createObjectNode().put("class_name", "CosineDecayRestarts").set("config", MAPPER.createObjectNode())))));
        cases.add(IllegalArgumentException.class, () -> {
            Sequential model = new Sequential(new Dense(1).inputShape(3));
            model.compile(new Adam(step -> 0.001 / (1 + step)), "mse");
            model.save(Files.createDirectories(cases.tmp().resolve("models")).resolve("mnist.keras"));
        });
    }

    /** The JSON of a small Adam-compiled model with its optimizer config edited. */
    private static String edited(Consumer<ObjectNode> edit) throws Exception {
        Sequential model = new Sequential(new Dense(2).inputShape(3));
        model.compile("adam", "mse");
        ObjectNode root = (ObjectNode) MAPPER.readTree(model.toJson());
        edit.accept((ObjectNode) root.get("compile_config").get("optimizer").get("config"));
        return root.toString();
    }
}
