package io.github.keras4j.saving;

import io.github.keras4j.engine.LayerStack;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.random.SeedGenerator;

import java.nio.file.Path;
import java.util.List;

/**
 * Saves one large model to {@code <folder>/model.keras} over and over until killed, printing {@code saved} after
 * each save: the process {@link InterruptedSaveTest} kills with {@code kill -9} in the middle of a save.
 */
public final class SaveLoop {
    private SaveLoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]).resolve("model.keras");
        SeedGenerator.setGlobalSeed(7);
        LayerStack stack = TestModels.stack(List.of(new Dense(1024, "relu").inputShape(1024), new Dense(1024)));
        ModelDescription model = TestModels.describe(stack, null, null);
        while (true) {
            Saving.saveModel(model, file);
            System.out.println("saved");
            System.out.flush();
        }
    }
}
