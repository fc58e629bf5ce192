package io.github.keras4j;

import io.github.keras4j.callbacks.LambdaCallback;
import io.github.keras4j.datasets.DatasetFolder;
import io.github.keras4j.datasets.Mnist;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Dropout;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.layers.Shape;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.saving.ModelFileException;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The catalogue's entries about dataset and model files. */
final class FileErrorCases implements CatalogueSection {
    @Override
    public void addTo(ErrorCases cases) throws IOException {
        files(cases);
    }
    private void files(ErrorCases cases) throws IOException {
        Path datasets = Files.createDirectories(cases.tmp().resolve("datasets").resolve(Mnist.FOLDER));
        ByteBuffer header = ByteBuffer.allocate(16 + 784).putInt(0x00000803).putInt(Integer.MIN_VALUE).putInt(28).putInt(28);
        Files.write(datasets.resolve("t10k-images-idx3-ubyte.gz"), header.array()); // claims 2^31 images of 28 x 28
        Files.write(datasets.resolve("t10k-labels-idx1-ubyte.gz"), ByteBuffer.allocate(9).putInt(0x00000801).putInt(1).array());
        cases.add(UncheckedIOException.class, () -> withProperty(DatasetFolder.PROPERTY, datasets.getParent().toString(), Mnist::loadTestData));
        Path model = Files.createDirectories(cases.tmp().resolve("models")).resolve("mnist.keras");
        Files.writeString(model, "not a model\n");
        cases.add(ModelFileException.class, () -> Models.load(model));
    }
    private static void withProperty(String key, String value, Runnable work) {
        String old = System.getProperty(key);
        String oldOrigin = System.getProperty(Mnist.ORIGIN_PROPERTY);
        System.setProperty(key, value);
        System.setProperty(Mnist.ORIGIN_PROPERTY, "http://127.0.0.1:9/"); // never download from here
        try {
            work.run();
        } finally {
            restore(key, old);
            restore(Mnist.ORIGIN_PROPERTY, oldOrigin);
        }
    }
    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
