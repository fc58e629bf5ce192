package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.keras4j.layers.Layer;
import io.github.keras4j.random.StatefulRandom;

import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * The states of the random generators training draws from, kept in a {@code .keras} file's {@code metadata.json}
 * under a key of keras4j's own, which Keras ignores (it reads that file for display only):
 * <pre>{@code
 * "keras4j": {"random_state": {"fit_shuffle": -4962768465676381896, "layers": {"dropout": 7046029254386353131}}}
 * }</pre>
 * {@code fit_shuffle} is the state of fit's shuffling generator (absent before the first fit), {@code layers} the
 * state of each layer's own generator by layer name (Dropout's masks). With them, and the optimizer's state in
 * the weights, training resumed from the file continues bit for bit as if it had never stopped.
 */
final class RandomStates {
    static final String KEY = "keras4j";
    static final String RANDOM_STATE = "random_state";
    static final String SHUFFLE = "fit_shuffle";
    static final String LAYERS = "layers";

    private RandomStates() {
    }

    /** Adds the model's generator states to {@code metadata}; adds nothing when there are none. */
    static void write(ModelDescription model, ObjectNode metadata) {
        ObjectNode state = KerasJson.object();
        if (model.shuffleState() != null) {
            state.put(SHUFFLE, model.shuffleState());
        }
        ObjectNode layers = KerasJson.object();
        for (Layer layer : model.layers()) {
            if (layer instanceof StatefulRandom r && r.random() != null) {
                layers.put(layer.name(), r.random().state());
            }
        }
        if (!layers.isEmpty()) {
            state.set(LAYERS, layers);
        }
        if (!state.isEmpty()) {
            metadata.putObject(KEY).set(RANDOM_STATE, state);
        }
    }

    /**
     * Puts the states that {@code metadata} (the bytes of {@code metadata.json}, or null) holds back into the
     * model's layers and returns the model with its shuffling state. Files without them (Keras', older keras4j
     * ones) load as before: their generators start from the global seed sequence.
     */
    static ModelDescription apply(byte[] metadata, ModelDescription model, String source) {
        JsonNode state = stateIn(metadata);
        if (state == null) {
            return model;
        }
        if (!state.isObject()) {
            throw new ModelFileException(source, damaged("is not an object"));
        }
        JsonNode layers = state.path(LAYERS);
        for (Iterator<Map.Entry<String, JsonNode>> it = layers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Layer layer = model.layers().stream().filter(l -> l.name().equals(e.getKey())).findFirst().orElse(null);
            if (!(layer instanceof StatefulRandom r) || r.random() == null || !e.getValue().canConvertToLong()) {
                throw new ModelFileException(source, damaged("names layer '" + e.getKey() + "' with " + e.getValue()
                        + ", but the model has no such layer with a random generator"));
            }
            r.random().setState(e.getValue().longValue());
        }
        JsonNode shuffle = state.get(SHUFFLE);
        if (shuffle != null && !shuffle.canConvertToLong()) {
            throw new ModelFileException(source, damaged("has " + SHUFFLE + "=" + shuffle + ", not a 64-bit integer"));
        }
        return shuffle == null ? model
                : new ModelDescription(model.name(), model.inputShape(), model.layers(), model.compile(), shuffle.longValue());
    }

    private static JsonNode stateIn(byte[] metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            JsonNode root = KerasJson.MAPPER.readTree(metadata);
            return root == null ? null : root.path(KEY).get(RANDOM_STATE);
        } catch (IOException e) {
            return null; // Keras reads metadata.json for display only, and so does keras4j apart from its own key
        }
    }

    private static String damaged(String problem) {
        return KerasArchive.METADATA + "'s " + KEY + "." + RANDOM_STATE + " " + problem + "; the file is damaged. Load it with"
                + " Keras and save it again, or remove that entry to start the random generators afresh";
    }
}
