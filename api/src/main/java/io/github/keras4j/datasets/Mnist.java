package io.github.keras4j.datasets;

/**
 * The MNIST handwritten digits (LeCun, Cortes and Burges): 60,000 training and 10,000 test images of
 * 28 x 28 grey pixels, labelled 0 to 9. Keras' {@code keras.datasets.mnist.load_data()}.
 *
 * <pre>{@code
 * var data = Mnist.loadData();
 * INDArray x = data.xTrain().castTo(DataType.FLOAT).div(255);   // [60000, 28, 28], 0..1
 * INDArray y = Utils.toCategorical(data.yTrain(), 10);          // [60000, 10]
 * }</pre>
 *
 * <p>The files live in {@code mnist/} inside the {@link DatasetFolder datasets folder}, under their
 * canonical names. Missing files are downloaded from {@value #ORIGIN} (the mirror TensorFlow uses) or
 * from the mirror named by the system property {@value #ORIGIN_PROPERTY}, and kept only if their SHA-256
 * matches the published one (from TensorFlow Datasets' {@code url_checksums/mnist.txt}; the files' MD5s
 * agree with those Yann LeCun's site published). Offline, with files missing, loading fails with a message
 * naming the folder and the files it expected.
 *
 * <p>Failures are unchecked: {@link java.io.UncheckedIOException} for files that cannot be had or are
 * damaged (the cause is an {@link IdxFormatException} for a damaged file), {@link IllegalStateException}
 * for a misconfigured folder or mirror.
 */
public final class Mnist {
    /** The folder inside the datasets folder: {@value}. */
    public static final String FOLDER = "mnist";
    /** The default mirror: {@value}. */
    public static final String ORIGIN = "https://storage.googleapis.com/cvdf-datasets/mnist/";
    /** The system property that replaces the mirror (a base URL; file names are appended): {@value}. */
    public static final String ORIGIN_PROPERTY = "keras4j.datasets.mnist.origin";

    static final DatasetFile TRAIN_IMAGES = new DatasetFile("train-images-idx3-ubyte.gz",
            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609"); // md5 f68b3c2dcbeaaa9fbdd348bbdeb94873
    static final DatasetFile TRAIN_LABELS = new DatasetFile("train-labels-idx1-ubyte.gz",
            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c"); // md5 d53e105ee54ea40749a09fcbcd1e9432
    static final DatasetFile TEST_IMAGES = new DatasetFile("t10k-images-idx3-ubyte.gz",
            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6"); // md5 9fb629c4189551a2d022fa330f9573f3
    static final DatasetFile TEST_LABELS = new DatasetFile("t10k-labels-idx1-ubyte.gz",
            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6"); // md5 ec29112dd5afa0611ce80d1b7f02629c

    static final IdxDataset DATASET = new IdxDataset("MNIST", FOLDER, "Mnist", ORIGIN, ORIGIN_PROPERTY,
            TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, new Downloader());

    private Mnist() {
    }

    /**
     * Both splits: xTrain {@code [60000, 28, 28]}, yTrain {@code [60000]}, xTest {@code [10000, 28, 28]},
     * yTest {@code [10000]}, all {@code UINT8} (pixels 0..255, labels 0..9), downloading missing files.
     */
    public static TrainTestData loadData() {
        return DATASET.load();
    }

    /**
     * The test split alone: xTest {@code [10000, 28, 28]} and yTest {@code [10000]}, {@code UINT8}. Needs only
     * the two {@code t10k-*} files, so it works offline where only the test set is cached.
     */
    public static TestData loadTestData() {
        return DATASET.loadTest();
    }
}
