package io.github.keras4j.saving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.losses.SparseCategoricalCrossentropy;
import io.github.keras4j.optimizers.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The defaults the saving code documents. */
class DefaultsTest {
    @TempDir
    Path dir;

    @Test
    void unnamedModelIsCalledSequentialAsInKeras() {
        assertEquals("sequential", ModelDescription.DEFAULT_NAME);
        assertEquals(ModelDescription.DEFAULT_NAME, new ModelDescription(null, null, List.of(), null).name());
        assertEquals(ModelDescription.DEFAULT_NAME, new ModelDescription(" ", null, List.of(), null).name());
    }

    @Test
    void writtenConfigUsesKerasNamesAndReduction() throws IOException {
        ModelDescription model = new ModelDescription("m", io.github.keras4j.layers.Shape.of(3),
                TestModels.stack(List.of(new Dense(2).inputShape(3))).layers(),
                new CompileState(new Adam(), new SparseCategoricalCrossentropy(true), List.of()));
        JsonNode root = new ObjectMapper().readTree(Saving.toJson(model));
        JsonNode input = root.get("config").get("layers").get(0);
        assertEquals("InputLayer", input.get("class_name").asText());
        assertEquals("input_layer", SequentialConfigs.INPUT_LAYER_NAME);
        assertEquals(SequentialConfigs.INPUT_LAYER_NAME, input.get("config").get("name").asText());
        assertEquals("sum_over_batch_size", LossConfigs.REDUCTION);
        assertEquals(LossConfigs.REDUCTION, root.get("compile_config").get("loss").get("config").get("reduction").asText());
        assertEquals("3.6.0", Saving.KERAS_FORMAT_VERSION);
        assertEquals(2147483639L, SequentialConfigs.MAX_VARIABLE_SIZE);
        assertEquals(".weights.h5", Saving.WEIGHTS_SUFFIX);
    }

    @Test
    void compressedEntryExpandingMoreThanTheLimitIsRefused() throws IOException {
        assertEquals(100, KerasArchive.MAX_EXPANSION);
        Path file = dir.resolve("bomb.keras");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : List.of("config.json", "model.weights.h5")) {
                zip.putNextEntry(new ZipEntry(name)); // deflated
                zip.write(new byte[8 << 20]);
                zip.closeEntry();
            }
        }
        ModelFileException e = assertThrows(ModelFileException.class, () -> Saving.loadModel(file));
        assertEquals(true, e.getMessage().matches("Cannot load file '.*bomb.keras': the entry config.json expands beyond 1048576 bytes "
                + "from \\d+ compressed bytes; refusing to read it \\(a zip bomb\\?\\)"), e.getMessage());
    }
}
