package io.github.keras4j;

import io.github.keras4j.datasets.DatasetFailures;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.layers.Flatten;
import io.github.keras4j.models.Models;
import io.github.keras4j.models.NonFiniteWeights;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.saving.AtomicFile;
import io.github.keras4j.saving.ModelDescription;
import io.github.keras4j.saving.ModelFileException;
import io.github.keras4j.saving.Saving;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The catalogue's entries about saving safely (targets, names, a full disk), loading safely (NaN weights,
 * duplicated archive entries), newcomer mistakes (one sample without its batch axis, evaluate's verbose) and
 * datasets (declared sizes, the heap, slow mirrors).
 */
final class ReliabilityErrorCases implements CatalogueSection {
    @Override
    public void addTo(ErrorCases cases) throws IOException {
        Path models = Files.createDirectories(cases.tmp().resolve("models"));
        saving(cases, models);
        loading(cases, models);
        newcomers(cases);
        datasets(cases, cases.tmp().resolve("datasets"));
    }

    private static Sequential small() {
        Sequential m = new Sequential(new Dense(4, "relu").inputShape(3), new Dense(2, "softmax"));
        m.compile("adam", "categorical_crossentropy", "acc");
        return m;
    }

    private static void saving(ErrorCases cases, Path models) {
        cases.add(IllegalArgumentException.class, () -> small().save(models.resolve("mnist")));
        cases.add(IllegalArgumentException.class, () -> {
            Path sink = models.resolve("sink.keras");
            Files.deleteIfExists(sink);
            Files.createSymbolicLink(sink, Path.of("/dev/null"));
            try {
                small().save(sink);
            } finally {
                Files.delete(sink);
            }
        });
        cases.add(UncheckedIOException.class, () -> {
            // A full disk, as the tmpfs test in DiskFullTest produces it for real (that one needs root).
            Sequential m = small();
            AtomicFile full = new AtomicFile((temporary, target) -> {
                throw new IOException("No space left on device");
            });
            Saving.saveModel(new ModelDescription(m.name(), io.github.keras4j.layers.Shape.of(3), m.layers(), null),
                    models.resolve("mnist.keras"), full);
        });
    }

    private static void loading(ErrorCases cases, Path models) {
        cases.add(ModelFileException.class, () -> {
            Sequential m = small();
            List<INDArray> w = m.getWeights();
            w.get(2).putScalar(new long[] {1, 1}, Float.NaN);
            m.setWeights(w, NonFiniteWeights.ALLOW);
            Path file = models.resolve("diverged.keras");
            m.save(file);
            Models.load(file);
        });
        cases.add(IllegalArgumentException.class, () -> {
            Sequential m = small();
            List<INDArray> w = m.getWeights();
            w.get(2).putScalar(new long[] {1, 1}, Float.POSITIVE_INFINITY);
            m.setWeights(w);
        });
        cases.add(ModelFileException.class, () -> {
            Path file = models.resolve("twice.keras");
            small().save(file);
            Models.load(withConfigTwice(file));
        });
    }

    private static void newcomers(ErrorCases cases) {
        cases.add(IllegalArgumentException.class, () -> new Sequential(new Flatten().inputShape(28, 28), new Dense(10, "softmax"))
                .predict(Nd4j.rand(DataType.FLOAT, 28, 28)));
        cases.add(IllegalArgumentException.class, () -> small().evaluate(Nd4j.rand(DataType.FLOAT, 4, 3), Nd4j.rand(DataType.FLOAT, 4, 2), 32, 3));
    }

    private static void datasets(ErrorCases cases, Path root) {
        cases.add(UncheckedIOException.class, () -> {
            clean(root);
            DatasetFailures.twoMillionImages(root);
        });
        cases.add(IllegalStateException.class, DatasetFailures::fashionMnistInA32MiBHeap);
        cases.add(UncheckedIOException.class, () -> {
            clean(root);
            DatasetFailures.tooSlow(root);
        });
        cases.add(UncheckedIOException.class, () -> {
            clean(root);
            DatasetFailures.pastDeadline(root);
        });
    }

    /** Empties {@code root}, which other sections' cases fill with damaged files. */
    private static void clean(Path root) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (!p.equals(root)) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    /** A copy of the archive with a second config.json (written under another name, then renamed in the bytes). */
    private static Path withConfigTwice(Path archive) throws IOException {
        Path out = archive.resolveSibling("twice-" + archive.getFileName());
        try (ZipFile zip = new ZipFile(archive.toFile()); ZipOutputStream copy = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e : zip.stream().toList()) {
                byte[] data = zip.getInputStream(e).readAllBytes();
                copy.putNextEntry(new ZipEntry(e.getName()));
                copy.write(data);
                copy.closeEntry();
                if (e.getName().equals("config.json")) {
                    copy.putNextEntry(new ZipEntry("conFIG.json"));
                    copy.write(data);
                    copy.closeEntry();
                }
            }
        }
        byte[] bytes = Files.readAllBytes(out);
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("conFIG.json", "config.json");
        Files.write(out, text.getBytes(StandardCharsets.ISO_8859_1));
        Files.move(out, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return archive;
    }
}
