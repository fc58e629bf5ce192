package io.github.keras4j;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.saving.ModelFileException;

import java.util.function.Consumer;

/** The catalogue's entries about Keras files from other Keras versions: the forms keras4j still refuses. */
final class KerasFileErrorCases implements CatalogueSection {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void addTo(ErrorCases cases) throws Exception {
        cases.add(ModelFileException.class, () -> Models.fromJson(edited(c -> c.set("loss", json(
                "{\"class_name\": \"MeanSquaredError\", \"config\": {\"reduction\": \"auto\", \"name\": \"mse\", \"fn\": \"my_loss\"}}")))));
        cases.add(ModelFileException.class, () -> Models.fromJson(edited(c -> c.set("loss", json("[\"mse\", \"mae\"]")))));
        cases.add(ModelFileException.class, () -> Models.fromJson(functional("[[\"add\", 0, 0]]")));
        cases.add(ModelFileException.class, () -> Models.fromJson(functional("[[\"dense\", 0, 0], [\"dense_1\", 0, 0]]")));
    }

    /** A tf.keras 2 Functional model: two Dense layers on one input, added; {@code outputs} its output_layers. */
    private static String functional(String outputs) {
        return "{\"class_name\": \"Functional\", \"config\": {\"name\": \"model\", \"layers\": ["
                + "{\"class_name\": \"InputLayer\", \"config\": {\"batch_input_shape\": [null, 4], \"dtype\": \"float32\", \"name\": \"input_1\"},"
                + " \"name\": \"input_1\", \"inbound_nodes\": []},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense\", \"units\": 2}, \"name\": \"dense\","
                + " \"inbound_nodes\": [[[\"input_1\", 0, 0, {}]]]},"
                + "{\"class_name\": \"Dense\", \"config\": {\"name\": \"dense_1\", \"units\": 2}, \"name\": \"dense_1\","
                + " \"inbound_nodes\": [[[\"input_1\", 0, 0, {}]]]},"
                + "{\"class_name\": \"Add\", \"config\": {\"name\": \"add\"}, \"name\": \"add\","
                + " \"inbound_nodes\": [[[\"dense\", 0, 0, {}], [\"dense_1\", 0, 0, {}]]]}],"
                + " \"input_layers\": [[\"input_1\", 0, 0]], \"output_layers\": " + outputs + "}}";
    }

    /** The JSON of a small model compiled with "adam" and "mse", its compile config edited. */
    static String edited(Consumer<ObjectNode> edit) throws Exception {
        Sequential model = new Sequential(new Dense(2).inputShape(3));
        model.compile("adam", "mse");
        ObjectNode root = (ObjectNode) MAPPER.readTree(model.toJson());
        edit.accept((ObjectNode) root.get("compile_config"));
        return root.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
