package io.github.keras4j.datasets;

import org.bytedeco.javacpp.BytePointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A labelled 28 x 28 image dataset kept as four IDX files (MNIST's layout), with what {@link Mnist} and
 * {@link FashionMnist} share: finding the files, downloading missing ones, reading and checking them.
 *
 * <p>Files already in the cache are accepted when they parse completely as the expected shape, whatever
 * their checksum: re-compressed copies (as some Linux distributions ship) hold the same data under a
 * different gzip encoding. A checksum mismatch is only logged, at debug level (the checksum is computed
 * only when debug logging is on). Downloaded files, in contrast, must match the published SHA-256 before
 * they are kept.
 */
final class IdxDataset {
    private static final Logger LOG = LoggerFactory.getLogger(IdxDataset.class);

    /** Image height in pixels: {@value}. */
    static final int ROWS = 28;
    /** Image width in pixels: {@value}. */
    static final int COLUMNS = 28;
    /** Number of classes; labels run from 0 to {@value} - 1. */
    static final int CLASSES = 10;
    /** Examples in the training split: {@value}. */
    static final int TRAIN_SIZE = 60_000;
    /** Examples in the test split: {@value}. */
    static final int TEST_SIZE = 10_000;

    private final String name;
    private final String folderName;
    private final String loader;
    private final String defaultOrigin;
    private final String originProperty;
    private final DatasetFile trainImages;
    private final DatasetFile trainLabels;
    private final DatasetFile testImages;
    private final DatasetFile testLabels;
    private final Downloader downloader;

    /**
     * @param name           for messages: "MNIST"
     * @param folderName     the dataset's folder inside the datasets folder: "mnist"
     * @param loader         the public class, for hints in messages: "Mnist"
     * @param defaultOrigin  the mirror's base URL, ending in '/'
     * @param originProperty the system property that replaces the mirror
     */
    IdxDataset(String name, String folderName, String loader, String defaultOrigin, String originProperty,
               DatasetFile trainImages, DatasetFile trainLabels, DatasetFile testImages, DatasetFile testLabels,
               Downloader downloader) {
        this.name = name;
        this.folderName = folderName;
        this.loader = loader;
        this.defaultOrigin = defaultOrigin;
        this.originProperty = originProperty;
        this.trainImages = trainImages;
        this.trainLabels = trainLabels;
        this.testImages = testImages;
        this.testLabels = testLabels;
        this.downloader = downloader;
    }

    /** Both splits from the configured folder and mirror. */
    TrainTestData load() {
        return load(DatasetFolder.resolve(), origin());
    }

    /** The test split from the configured folder and mirror. */
    TestData loadTest() {
        return loadTest(DatasetFolder.resolve(), origin());
    }

    TrainTestData load(Path root, URI origin) {
        Path folder = root.resolve(folderName);
        ensurePresent(folder, origin, List.of(trainImages, trainLabels, testImages, testLabels));
        Split train = readSplit(folder, trainImages, trainLabels, TRAIN_SIZE, "training");
        Split test = readSplit(folder, testImages, testLabels, TEST_SIZE, "test");
        return new TrainTestData(train.x(), train.y(), test.x(), test.y());
    }

    TestData loadTest(Path root, URI origin) {
        Path folder = root.resolve(folderName);
        ensurePresent(folder, origin, List.of(testImages, testLabels));
        Split test = readSplit(folder, testImages, testLabels, TEST_SIZE, "test");
        return new TestData(test.x(), test.y());
    }

    /** The mirror: the origin property if set, else the default; always ending in '/'. */
    URI origin() {
        String value = System.getProperty(originProperty);
        if (value == null || value.isBlank()) {
            return URI.create(defaultOrigin);
        }
        String base = value.trim().endsWith("/") ? value.trim() : value.trim() + "/";
        try {
            URI uri = new URI(base);
            if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
                throw new URISyntaxException(base, "the scheme must be http or https");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The system property " + originProperty + " must be the base URL of a mirror of "
                    + name + ", like " + defaultOrigin + ", but is '" + value + "' (" + e.getMessage() + ").", e);
        }
    }

    /** Downloads the files that are missing, or fails naming the folder and every missing file. */
    private void ensurePresent(Path folder, URI origin, List<DatasetFile> files) {
        List<DatasetFile> missing = new ArrayList<>();
        for (DatasetFile file : files) {
            if (!Files.exists(folder.resolve(file.name()))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            try {
                Files.createDirectories(folder);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot load " + name + ": the folder " + folder + " lacks "
                        + names(missing) + " and cannot be created (" + e + "). Set " + DatasetFolder.PROPERTY
                        + " or " + DatasetFolder.ENVIRONMENT_VARIABLE + " to a folder you can write.", e);
            }
        }
        for (DatasetFile file : List.copyOf(missing)) {
            try {
                downloader.download(origin.resolve(file.name()), folder.resolve(file.name()), file.sha256());
                missing.remove(file);
            } catch (IOException e) {
                throw new UncheckedIOException(missingMessage(folder, missing, e), e);
            }
        }
    }

    private String missingMessage(Path folder, List<DatasetFile> missing, IOException cause) {
        // Only training files missing: the test split alone would load (the usual offline CI setup).
        boolean onlyTrainingMissing = missing.stream().noneMatch(f -> f == testImages || f == testLabels);
        return "Cannot load " + name + ": the folder " + folder + " lacks " + names(missing)
                + ", and the download failed: " + cause.getMessage() + ". Connect to the internet, copy the files"
                + " into that folder by hand, point " + DatasetFolder.ENVIRONMENT_VARIABLE + " (or -D" + DatasetFolder.PROPERTY
                + ") at a folder that holds " + folder.getFileName() + "/ with them, or set the system property "
                + originProperty + " to a reachable mirror."
                + (onlyTrainingMissing ? " The test files are there: " + loader + ".loadTestData() loads them alone." : "");
    }

    private static String names(List<DatasetFile> files) {
        return String.join(", ", files.stream().map(DatasetFile::name).toList());
    }

    private record Split(INDArray x, INDArray y) {
    }

    /** Reads one split's images and labels and checks that they belong together. */
    private Split readSplit(Path folder, DatasetFile imagesFile, DatasetFile labelsFile, int size, String split) {
        Path imagesPath = folder.resolve(imagesFile.name());
        Path labelsPath = folder.resolve(labelsFile.name());
        int[] imageShape = {IdxReader.ANY, ROWS, COLUMNS};
        int[] labelShape = {IdxReader.ANY};
        try {
            // The headers first: counts that disagree, or data too large for memory, fail before anything is inflated.
            int count = IdxReader.header(imagesPath, imageShape)[0];
            int labelCount = IdxReader.header(labelsPath, labelShape)[0];
            if (labelCount != count) {
                throw new IdxFormatException(labelsPath, "holds " + labelCount + " labels but " + imagesPath
                        + " holds " + count + " images; they must agree");
            }
            if (count != size) {
                throw new IdxFormatException(imagesPath, "holds " + count + " images, but the " + name + " " + split
                        + " split has " + size);
            }
            MemoryCheck.require(name, split + " split (" + count + " images of " + ROWS + " x " + COLUMNS + " and their labels)",
                    (long) count * ROWS * COLUMNS + count);
            IdxReader.IdxData images = read(imagesPath, imagesFile, imageShape);
            IdxReader.IdxData labels = read(labelsPath, labelsFile, labelShape);
            checkLabels(labelsPath, labels.data());
            return new Split(uint8(images.data(), count, ROWS, COLUMNS), uint8(labels.data(), count));
        } catch (IdxFormatException e) {
            throw new UncheckedIOException("Cannot load " + name + ": " + e.getMessage()
                    + ". Delete the file to have keras4j download it again.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + name + " from " + folder + ": " + e, e);
        }
    }

    /** Reads a file, noting at debug level when it is not byte-identical to the upstream file. */
    private static IdxReader.IdxData read(Path path, DatasetFile file, int[] dims) throws IOException {
        MessageDigest digest = LOG.isDebugEnabled() ? Downloader.sha256() : null;
        IdxReader.IdxData data = IdxReader.read(path, dims, digest);
        if (digest != null) {
            String actual = HexFormat.of().formatHex(digest.digest());
            if (!actual.equals(file.sha256())) {
                LOG.debug("{} differs from the upstream file (SHA-256 {}, upstream {}); accepted because it parses"
                        + " completely as an IDX file of {} bytes", path, actual, file.sha256(), data.data().length);
            }
        }
        return data;
    }

    private static void checkLabels(Path path, byte[] labels) throws IdxFormatException {
        for (int i = 0; i < labels.length; i++) {
            if ((labels[i] & 0xff) >= CLASSES) {
                throw new IdxFormatException(path, "label " + (labels[i] & 0xff) + " at index " + i
                        + " is outside 0.." + (CLASSES - 1));
            }
        }
    }

    /** A UINT8 array of {@code shape} holding {@code data}, row-major. */
    static INDArray uint8(byte[] data, long... shape) {
        INDArray array = Nd4j.createUninitialized(DataType.UINT8, shape);
        if (data.length > 0) {
            new BytePointer(array.data().addressPointer()).put(data, 0, data.length);
        }
        return array;
    }
}
