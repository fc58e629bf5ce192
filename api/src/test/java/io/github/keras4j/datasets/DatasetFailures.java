package io.github.keras4j.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Dataset failures the error catalogue triggers from outside this package: a mirror that never sends a byte (ended
 * by the minimum rate or by the deadline), a header declaring far more images than the labels, and a heap too small
 * for a split (in a child JVM with {@code -Xmx32m}). The local mirror's address in messages is written as
 * {@value #MIRROR}, as the catalogue shows it.
 */
public final class DatasetFailures {
    /** How the catalogue writes the loopback mirror's address. */
    public static final String MIRROR = "https://mirror.example/mnist/";

    private DatasetFailures() {
    }

    /** MNIST's test split from a silent mirror into {@code root}, abandoned for sending less than 1024 bytes/s over 1 s. */
    public static void tooSlow(Path root) throws IOException {
        fromSilentMirror(root, new DownloadLimits(Duration.ofSeconds(60), Duration.ofMinutes(5), 1024, Duration.ofSeconds(1)));
    }

    /** The same, abandoned at a 1-second deadline. */
    public static void pastDeadline(Path root) throws IOException {
        fromSilentMirror(root, new DownloadLimits(Duration.ofSeconds(60), Duration.ofSeconds(1), 0, Duration.ofMinutes(5)));
    }

    private static void fromSilentMirror(Path root, DownloadLimits limits) throws IOException {
        IdxDataset mnist = new IdxDataset("MNIST", Mnist.FOLDER, "Mnist", Mnist.ORIGIN, Mnist.ORIGIN_PROPERTY,
                Mnist.TRAIN_IMAGES, Mnist.TRAIN_LABELS, Mnist.TEST_IMAGES, Mnist.TEST_LABELS, new Downloader(limits));
        try (LocalMirror mirror = new LocalMirror().silent(Mnist.TEST_IMAGES.name(), 1_648_877)) {
            try {
                mnist.loadTest(root, mirror.origin());
            } catch (UncheckedIOException e) {
                throw new UncheckedIOException(e.getMessage().replace(mirror.origin().toString(), MIRROR), e.getCause());
            }
        }
    }

    /** MNIST's test split from {@code root}, whose images file declares 2,000,000 images in 1.6 MB of gzip. */
    public static void twoMillionImages(Path root) throws IOException {
        Path folder = Files.createDirectories(root.resolve(Mnist.FOLDER));
        byte[] images = RealData.gunzip(RealData.mnist(Mnist.TEST_IMAGES.name()));
        ByteBuffer.wrap(images).putInt(4, 2_000_000);
        Files.write(folder.resolve(Mnist.TEST_IMAGES.name()), IdxFiles.gzip(images));
        Files.copy(RealData.mnist(Mnist.TEST_LABELS.name()), folder.resolve(Mnist.TEST_LABELS.name()));
        Mnist.DATASET.loadTest(root, LocalMirror.refusingOrigin());
    }

    /** Fashion-MNIST's two splits in a JVM with a 32 MiB heap: the child's exception, thrown here. */
    public static void fashionMnistInA32MiBHeap() throws Exception {
        RealData.fashionTrainingPresent();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-Xmx32m", "-D" + DatasetFolder.PROPERTY + "=" + DatasetFolder.resolve(), "-cp", classpath,
                LoadFashionMnist.class.getName()).redirectErrorStream(true).start();
        child.getOutputStream().close();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!child.waitFor(120, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        String prefix = IllegalStateException.class.getName() + ": ";
        String line = out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no exception in: " + out));
        throw new IllegalStateException(line.substring(prefix.length()));
    }
}
