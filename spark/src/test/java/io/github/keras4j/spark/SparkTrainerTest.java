package io.github.keras4j.spark;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.optimizers.Adam;
import io.github.keras4j.optimizers.SGD;
import io.github.keras4j.utils.Utils;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SparkTrainer on local[2]: one worker is the model's own fit, bit for bit; two workers converge as far. */
class SparkTrainerTest {
    private static JavaSparkContext spark;

    @BeforeAll
    static void start() {
        spark = new JavaSparkContext("local[2]", "SparkTrainerTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    static Sequential model(long seed, boolean adam) {
        Utils.setRandomSeed(seed);
        Sequential m = new Sequential(new Dense(16, "relu").inputShape(4), new Dense(3, "softmax"));
        m.compile(adam ? new Adam(0.01) : new SGD(0.5), "categorical_crossentropy", "acc");
        return m;
    }

    static List<Sample> samples(INDArray x, INDArray y) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < x.size(0); i++) {
            out.add(new Sample(x.getRow(i).toFloatVector(), y.getRow(i).toFloatVector()));
        }
        return out;
    }

    @Test
    void oneWorkerIsTheModelsOwnFitWithoutShufflingBitForBit() throws Exception {
        INDArray[] d = GridLesson.data();
        Sequential local = model(7, true);
        Sequential distributed = ModelBytes.load(ModelBytes.of(local));
        local.fit(d[0], d[1], FitOptions.defaults().withBatchSize(16).withEpochs(2).withShuffle(false).withVerbose(0));
        // 96 samples = 6 batches of 16; K = 4 gives rounds of 4 and 2 batches
        SparkHistory h = new SparkTrainer(spark, 1, 4, 16).fit(distributed, spark.parallelize(samples(d[0], d[1]), 3), 2);
        assertEquals(Utils.fingerprint(local), Utils.fingerprint(distributed));
        assertEquals(local.optimizer().iterations(), distributed.optimizer().iterations());
        assertEquals(2, h.epochs().size());
        assertEquals(2, h.epochs().get(0).rounds());
    }

    @Test
    void twoWorkersAreTheAverageOfTwoModelsEachTrainedOnItsHalfRoundByRound() throws Exception {
        INDArray[] d = GridLesson.data();
        byte[] start = ModelBytes.of(model(5, true));
        List<Sample> all = samples(d[0], d[1]);
        // the reference, by hand: worker w holds samples w, w + 2, w + 4, ...; K = 2 batches of 8 per round
        Sequential[] workers = {ModelBytes.load(start), ModelBytes.load(start)};
        Sequential expected = ModelBytes.load(start);
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int round = 0; round < 3; round++) {
                List<ModelState> states = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    List<Sample> half = new ArrayList<>();
                    for (int i = w; i < all.size(); i += 2) {
                        half.add(all.get(i));
                    }
                    List<Sample> mine = half.subList(round * 16, round * 16 + 16);
                    ParameterAveraging.set(workers[w], ParameterAveraging.stateOf(expected));
                    assertEquals(Utils.fingerprint(expected), Utils.fingerprint(workers[w]), "a worker starts the round from the mean");
                    workers[w].fit(SparkTrainer.stackForTest(mine, true), SparkTrainer.stackForTest(mine, false),
                            FitOptions.defaults().withBatchSize(8).withEpochs(1).withShuffle(false).withVerbose(0));
                    states.add(ParameterAveraging.stateOf(workers[w]));
                }
                ParameterAveraging.set(expected, ParameterAveraging.mean(states));
            }
        }
        Sequential distributed = ModelBytes.load(start);
        new SparkTrainer(spark, 2, 2, 8).fit(distributed, spark.parallelize(all, 3), 2);
        assertEquals(Utils.fingerprint(expected), Utils.fingerprint(distributed));
    }

    @Test
    void twoWorkersConvergeAsFarAsOneJvmForKOneAndKThree() throws Exception {
        INDArray[] d = GridLesson.data();
        Sequential local = model(3, false);
        byte[] start = ModelBytes.of(local);
        local.fit(d[0], d[1], FitOptions.defaults().withBatchSize(16).withEpochs(10).withShuffle(false).withVerbose(0));
        double localAcc = local.evaluate(d[0], d[1])[1];
        assertTrue(localAcc > 0.7, "the local model learns the task: " + localAcc);
        JavaRDD<Sample> data = spark.parallelize(samples(d[0], d[1]), 2);
        for (int k : new int[] {1, 3}) {
            Sequential m = ModelBytes.load(start);
            SparkHistory h = new SparkTrainer(spark, 2, k, 16).fit(m, data, 10);
            double acc = m.evaluate(d[0], d[1])[1];
            assertTrue(acc >= localAcc - 0.05, "K=" + k + ": accuracy " + acc + " vs one JVM's " + localAcc);
            List<SparkHistory.Epoch> e = h.epochs();
            assertTrue(e.get(e.size() - 1).loss() < 0.8 * e.get(0).loss(), "K=" + k + ": the loss falls: " + e);
        }
    }

    @Test
    void aDataFrameWithFeaturesAndLabelBecomesOneHotSamples() {
        SparkSession session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
        StructType schema = new StructType()
                .add("features", DataTypes.createArrayType(DataTypes.FloatType))
                .add("label", DataTypes.IntegerType);
        Dataset<Row> frame = session.createDataFrame(List.of(RowFactory.create(List.of(0.5f, 1f), 2),
                RowFactory.create(List.of(0f, 0.25f), 0)), schema);
        List<Sample> s = new SparkTrainer(spark, 1, 1, 1).samples(frame, 3).collect();
        assertArrayEquals(new float[] {0.5f, 1f}, s.get(0).features());
        assertArrayEquals(new float[] {0, 0, 1}, s.get(0).label());
        assertArrayEquals(new float[] {1, 0, 0}, s.get(1).label());
    }
}
