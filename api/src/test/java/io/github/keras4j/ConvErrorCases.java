package io.github.keras4j;

import io.github.keras4j.layers.Conv2D;
import io.github.keras4j.layers.GlobalAveragePooling2D;
import io.github.keras4j.layers.MaxPooling2D;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.saving.ModelFileException;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** The catalogue's entries about convolution and pooling layers: images without a channel axis, windows that do not fit, bad arguments. */
final class ConvErrorCases implements CatalogueSection {
    @Override
    public void addTo(ErrorCases cases) throws Exception {
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(32, 3, "relu").inputShape(28, 28)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(32, 3, "relu").inputShape(28, 28, 1))
                .predict(Nd4j.zeros(DataType.FLOAT, 2, 28, 28)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new GlobalAveragePooling2D().inputShape(10)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(8, 5).inputShape(3, 3, 1)));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(8, 3).inputShape(4, 4, 1), new MaxPooling2D(3)));
        cases.add(IllegalArgumentException.class, () -> new Conv2D(0, 3));
        cases.add(IllegalArgumentException.class, () -> new Conv2D(8, 3).strides(0, 1));
        cases.add(IllegalArgumentException.class, () -> new MaxPooling2D(0));
        cases.add(IllegalArgumentException.class, () -> new Conv2D(8, 3).padding("causal"));
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Conv2D(8, 3).strides(2).dilationRate(2).inputShape(9, 9, 1)));
        cases.add(ModelFileException.class, () -> {
            Path models = Files.createDirectories(cases.tmp().resolve("models"));
            Path saved = models.resolve("cnn-saved.keras");
            new Sequential(new Conv2D(4, 3).inputShape(8, 8, 1)).save(saved);
            Models.load(channelsFirst(saved, models.resolve("cnn.keras")));
        });
    }

    /** A copy of a saved {@code .keras} file whose Conv2D says {@code data_format: channels_first}, as a Keras user may save. */
    private static Path channelsFirst(Path saved, Path target) throws IOException {
        try (ZipFile in = new ZipFile(saved.toFile()); OutputStream file = Files.newOutputStream(target);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().equals("config.json")) {
                    bytes = new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"channels_last\"", "\"channels_first\"")
                            .getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }
}
