package io.github.keras4j.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.CataloguedWarnings;
import io.github.keras4j.LogCapture;
import io.github.keras4j.layers.Dense;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A metric of a Keras file that keras4j cannot compute (Keras' Precision, serialized as a metric object) stays on the
 * loaded model under its name, is reported once as unavailable, and is written back when the model is saved.
 */
class UnavailableMetricsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    private static String withPrecision() throws Exception {
        Sequential model = new Sequential("scorer", new Dense(2, "softmax").inputShape(3));
        model.compile("adam", "categorical_crossentropy", "accuracy");
        ObjectNode root = (ObjectNode) MAPPER.readTree(model.toJson());
        ((ObjectNode) root.get("compile_config")).set("metrics", MAPPER.readTree("[\"accuracy\", {\"module\": \"keras.metrics\","
                + " \"class_name\": \"Precision\", \"config\": {\"name\": \"precision\", \"dtype\": \"float32\", \"thresholds\": null,"
                + " \"top_k\": null, \"class_id\": null}, \"registered_name\": null}]"));
        return root.toString();
    }

    @Test
    void metricKeras4jCannotComputeIsKeptReportedAndSavedBack() throws Exception {
        Sequential model;
        try (LogCapture log = LogCapture.of(ModelFiles.class)) {
            model = Models.fromJson(withPrecision());
            String expected = "Model 'scorer' was compiled with metrics keras4j cannot compute: [precision]. fit and evaluate do not"
                    + " report them; they stay on the model (unavailableMetrics()) and are saved with it.";
            assertEquals(List.of(expected), log.warnings());
            CataloguedWarnings.assertCatalogued(expected);
        }
        assertEquals(List.of("accuracy"), model.metricNames());
        assertEquals(List.of("precision"), model.unavailableMetrics());
        assertEquals(2, model.evaluate(Nd4j.rand(DataType.FLOAT, 4, 3), Nd4j.eye(2).getRows(0, 1, 0, 1).castTo(DataType.FLOAT)).length,
                "loss and accuracy");

        Path file = dir.resolve("scorer.keras");
        model.save(file);
        Sequential reloaded = Models.load(file);
        assertEquals(List.of("precision"), reloaded.unavailableMetrics());
        assertEquals("[\"accuracy\",\"precision\"]", MAPPER.readTree(reloaded.toJson()).get("compile_config").get("metrics").toString());

        reloaded.compile("adam", "categorical_crossentropy", "accuracy");
        assertEquals(List.of(), reloaded.unavailableMetrics(), "a new compile replaces the file's metrics");
    }
}
