package io.github.keras4j.saving;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.random.SeedGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A save that fails after writing and before moving into place leaves the previous file intact and no temporary file. */
class AtomicSaveTest {
    @TempDir
    Path dir;

    private static final AtomicFile FAIL_BEFORE_MOVE = new AtomicFile((temporary, target) -> {
        assertTrue(Files.size(temporary) > 0, "the temporary file is complete when the move would happen");
        assertEquals(target.getParent(), temporary.getParent(), "the temporary file is in the target's folder");
        throw new IOException("simulated crash between write and move");
    });

    @Test
    void failedModelSaveKeepsTheOldFileLoadable() throws IOException {
        SeedGenerator.setGlobalSeed(1);
        LayerStack first = TestModels.stack(List.of(new Dense(3, "relu").inputShape(4), new Dense(2)));
        SeedGenerator.setGlobalSeed(2);
        LayerStack second = TestModels.stack(List.of(new Dense(5).inputShape(4)));
        Path file = dir.resolve("model.keras");
        Saving.saveModel(TestModels.describe(first, null, null), file);
        byte[] before = Files.readAllBytes(file);

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> Saving.saveModel(TestModels.describe(second, null, null), file, FAIL_BEFORE_MOVE));

        assertEquals("Could not save " + file.toAbsolutePath() + ": simulated crash between write and move. Any previous file there is unchanged.",
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
        RoundTripTest.assertWeightsEqual(first.layers(), Saving.loadModel(file).layers());
        assertOnlyFiles(file);
    }

    @Test
    void failedWeightsSaveKeepsTheOldFileAndLeavesNoTemporaryFile() throws IOException {
        LayerStack stack = TestModels.stack(List.of(new Dense(3).inputShape(2)));
        Path file = dir.resolve("model.weights.h5");
        Saving.saveWeights(TestModels.describe(stack, null, null), file);
        byte[] before = Files.readAllBytes(file);

        assertThrows(UncheckedIOException.class, () -> Saving.saveWeights(TestModels.describe(stack, null, null), file, FAIL_BEFORE_MOVE));

        assertArrayEquals(before, Files.readAllBytes(file));
        assertOnlyFiles(file);
    }

    @Test
    void failedFirstSaveLeavesNothingBehind() throws IOException {
        LayerStack stack = TestModels.stack(List.of(new Dense(3).inputShape(2)));
        Path file = dir.resolve("new.keras");
        assertThrows(UncheckedIOException.class, () -> Saving.saveModel(TestModels.describe(stack, null, null), file, FAIL_BEFORE_MOVE));
        assertOnlyFiles();
    }

    @Test
    void saveIntoAMissingFolderSaysWhichFolder() {
        LayerStack stack = TestModels.stack(List.of(new Dense(3).inputShape(2)));
        Path file = dir.resolve("missing").resolve("m.keras");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Saving.saveModel(TestModels.describe(stack, null, null), file));
        assertEquals("Could not save " + file.toAbsolutePath() + ": the folder " + file.getParent().toAbsolutePath()
                + " does not exist; create it first. Any previous file there is unchanged.", e.getMessage());
    }

    private void assertOnlyFiles(Path... expected) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(expected), files.sorted().toList(), "files left in the folder");
        }
    }
}
