package io.github.keras4j.datasets;

/**
 * Fashion-MNIST (Zalando Research, MIT licence): 60,000 training and 10,000 test images of 28 x 28 grey
 * pixels showing clothes in 10 classes, a drop-in replacement for {@link Mnist}. Keras'
 * {@code keras.datasets.fashion_mnist.load_data()}.
 *
 * <p>Labels: 0 T-shirt/top, 1 Trouser, 2 Pullover, 3 Dress, 4 Coat, 5 Sandal, 6 Shirt, 7 Sneaker, 8 Bag,
 * 9 Ankle boot.
 *
 * <p>The files live in {@code fashion-mnist/} inside the {@link DatasetFolder datasets folder}, under
 * their canonical names. Missing files are downloaded from {@value #ORIGIN} (Zalando's repository) or from
 * the mirror named by the system property {@value #ORIGIN_PROPERTY}, and kept only if their SHA-256
 * matches the published one (from TensorFlow Datasets' {@code url_checksums/fashion_mnist.txt}; the files'
 * MD5s agree with those in Zalando's README). Files already present may be re-compressed copies, as Debian
 * ships them; those are accepted when they parse completely (see {@link Mnist} for the failure modes).
 */
public final class FashionMnist {
    /** The folder inside the datasets folder: {@value}. */
    public static final String FOLDER = "fashion-mnist";
    /** The default mirror: {@value}. */
    public static final String ORIGIN = "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/";
    /** The system property that replaces the mirror (a base URL; file names are appended): {@value}. */
    public static final String ORIGIN_PROPERTY = "keras4j.datasets.fashion-mnist.origin";

    static final DatasetFile TRAIN_IMAGES = new DatasetFile("train-images-idx3-ubyte.gz",
            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84"); // md5 8d4fb7e6c68d591d4c3dfef9ec88bf0d
    static final DatasetFile TRAIN_LABELS = new DatasetFile("train-labels-idx1-ubyte.gz",
            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845"); // md5 25c81989df183df01b3e8a0aad5dffbe
    static final DatasetFile TEST_IMAGES = new DatasetFile("t10k-images-idx3-ubyte.gz",
            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073"); // md5 bef4ecab320f06d8554ea6380940ec79
    static final DatasetFile TEST_LABELS = new DatasetFile("t10k-labels-idx1-ubyte.gz",
            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5"); // md5 bb300cfdad3c16e7a12a480ee83cd310

    static final IdxDataset DATASET = new IdxDataset("Fashion-MNIST", FOLDER, "FashionMnist", ORIGIN,
            ORIGIN_PROPERTY, TRAIN_IMAGES, TRAIN_LABELS, TEST_IMAGES, TEST_LABELS, new Downloader());

    private FashionMnist() {
    }

    /**
     * Both splits: xTrain {@code [60000, 28, 28]}, yTrain {@code [60000]}, xTest {@code [10000, 28, 28]},
     * yTest {@code [10000]}, all {@code UINT8} (pixels 0..255, labels 0..9), downloading missing files.
     */
    public static TrainTestData loadData() {
        return DATASET.load();
    }

    /** The test split alone: xTest {@code [10000, 28, 28]} and yTest {@code [10000]}, {@code UINT8}. */
    public static TestData loadTestData() {
        return DATASET.loadTest();
    }
}
