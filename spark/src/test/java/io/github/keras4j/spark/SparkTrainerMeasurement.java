package io.github.keras4j.spark;

import io.github.keras4j.examples.DatasetChoice;
import io.github.keras4j.examples.data.ImageData;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.utils.Utils;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The measurements of docs/spark.md (not a test: run it by hand, see there): MNIST's 10,000-image subset,
 * Dense(64, sigmoid) + Dense(10, softmax), Adam, batch 32, trained for the same epochs in one JVM and with
 * {@link SparkTrainer} on 2 workers for K = 1 and K = 10, on local[2] and on a standalone master and worker
 * started here on 127.0.0.1 (stopped at the end); test accuracy, seconds per round and Spark's share.
 */
public final class SparkTrainerMeasurement {
    private SparkTrainerMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        ImageData data = ImageData.load(DatasetChoice.MNIST_10K, null);
        Sequential first = model();
        byte[] start = ModelBytes.of(first);
        long t0 = System.nanoTime();
        first.fit(data.xTrainFlat(), data.yTrain(), FitOptions.defaults().withBatchSize(32).withEpochs(epochs).withShuffle(false).withVerbose(0));
        double localSeconds = (System.nanoTime() - t0) / 1e9;
        double localAcc = first.evaluate(data.xTestFlat(), data.yTest())[1];
        System.out.printf(Locale.ROOT, "one JVM: %d epochs, test acc %.4f, %.2f s/epoch%n", epochs, localAcc, localSeconds / epochs);
        List<Sample> samples = SparkTrainerTest.samples(data.xTrainFlat(), data.yTrain());
        try (JavaSparkContext sc = new JavaSparkContext("local[2]", "SparkTrainerMeasurement")) {
            measure("local[2]", sc, samples, start, data, epochs, localAcc);
        }
        Path dir = Files.createTempDirectory("keras4j-spark-measure");
        try (StandaloneCluster cluster = StandaloneCluster.start(dir, 2);
             JavaSparkContext sc = new JavaSparkContext(new SparkConf().setMaster(cluster.masterUrl).setAppName("SparkTrainerMeasurement")
                     .set("spark.executor.cores", "1").set("spark.executor.memory", "1g")
                     .set("spark.executor.extraClassPath", StandaloneCluster.classPath()))) {
            measure("standalone, 2 executors", sc, samples, start, data, epochs, localAcc);
        }
    }

    private static void measure(String where, JavaSparkContext sc, List<Sample> samples, byte[] start, ImageData data, int epochs,
                                double localAcc) throws Exception {
        JavaRDD<Sample> rdd = sc.parallelize(samples, 2).cache();
        rdd.count();
        for (int k : new int[] {1, 10}) {
            Sequential m = ModelBytes.load(start);
            SparkHistory h = new SparkTrainer(sc, 2, k, 32).fit(m, rdd, epochs);
            double acc = m.evaluate(data.xTestFlat(), data.yTest())[1];
            // the first epoch pays the executors' warm-up (ND4J's native code); report the last
            SparkHistory.Epoch last = h.epochs().get(h.epochs().size() - 1);
            System.out.printf(Locale.ROOT, "%s, 2 workers, K=%d: test acc %.4f (one JVM %.4f, diff %+.4f), %.2f s/epoch, %d rounds/epoch,"
                            + " %.3f s/round, training %.2f s/epoch, Spark and averaging %.0f%% of the epoch%n",
                    where, k, acc, localAcc, acc - localAcc, last.seconds(), last.rounds(), last.secondsPerRound(),
                    last.trainSeconds(), 100 * last.overheadShare());
        }
    }

    private static Sequential model() {
        Utils.setRandomSeed(1);
        Sequential m = new Sequential(new Dense(64, "sigmoid").inputShape(ImageData.PIXELS), new Dense(ImageData.CLASSES, "softmax"));
        m.compile(new Adam(), "categorical_crossentropy", "acc");
        return m;
    }
}
