package io.github.keras4j.spark;

import io.github.keras4j.examples.DatasetChoice;
import io.github.keras4j.examples.Lesson;
import io.github.keras4j.examples.LessonContext;
import io.github.keras4j.examples.LessonOptions;
import io.github.keras4j.examples.experiments.Comparison;
import io.github.keras4j.examples.experiments.ExperimentRunner;
import io.github.keras4j.examples.experiments.PlannedRun;
import io.github.keras4j.examples.experiments.RunConfig;
import io.github.keras4j.examples.experiments.Variant;
import io.github.keras4j.examples.grid.GridBackends;
import io.github.keras4j.examples.grid.RunReplay;
import io.github.keras4j.examples.grid.RunRequest;
import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.Sequential;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The catalogue's "(spark module)" entries: grids on a cluster, the Spark connection, and data-parallel training. */
final class SparkErrorCases {
    private static final LessonOptions OPTIONS = new LessonOptions(DatasetChoice.MNIST_10K, null, 1, Path.of("."));
    private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    private SparkErrorCases() {
    }

    /** A lesson that fails before its first comparison, as one whose data is missing on an executor does. */
    public static final class Failing implements Lesson {
        @Override
        public String name() {
            return "failing";
        }

        @Override
        public String description() {
            return "throws before its first comparison";
        }

        @Override
        public void run(LessonContext context) {
            throw new IllegalStateException("the data folder /data/mnist is empty");
        }
    }

    static RunRequest request(String lessonClass, String comparison) {
        return new RunRequest(lessonClass, "grid-lesson", "mnist-10k", null, 1, null, comparison, new PlannedRun(1, 2, "fast", 1));
    }

    static List<SparkErrorCatalogTest.Case> all() {
        List<SparkErrorCatalogTest.Case> cases = new ArrayList<>();
        // the command line and its connection
        cases.add(new SparkErrorCatalogTest.Case(IllegalStateException.class, () -> GridBackends.find("spark", List.of())));
        cases.add(new SparkErrorCatalogTest.Case(IllegalStateException.class, () -> SparkGridConnection.open("spark://127.0.0.1:9", "test")));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> SparkGridConnection.open("spark://localhost", "test")));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> SparkGridConnection.open(" ", "test")));
        // SparkGrid's arguments
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> SparkGrid.run(null, List.of())));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> {
            try (JavaSparkContext sc = new JavaSparkContext("local[1]", "SparkErrorCases")) {
                SparkGrid.run(sc, List.of());
            }
        }));
        // a task that fails on every try names its run
        cases.add(new SparkErrorCatalogTest.Case(IllegalStateException.class, () -> {
            try (JavaSparkContext sc = new JavaSparkContext("local[1]", "SparkErrorCases")) {
                SparkGrid.run(sc, List.of(request(Failing.class.getName(), "learning-rates")));
            }
        }));
        // what an executor finds wrong with a run it is sent
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class,
                () -> RunReplay.run(request("com.example.lessons.Missing", "learning-rates"), QUIET)));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class,
                () -> RunReplay.run(request("java.lang.Object", "learning-rates"), QUIET)));
        cases.add(new SparkErrorCatalogTest.Case(IllegalStateException.class,
                () -> RunReplay.run(request(GridLesson.class.getName(), "no-such-comparison"), QUIET)));
        cases.add(new SparkErrorCatalogTest.Case(IllegalStateException.class,
                () -> RunReplay.run(request(Failing.class.getName(), "learning-rates"), QUIET)));
        // the runner's side of a grid
        Comparison c = new Comparison("Learning rates", RunConfig.of("base", "learning_rate", 0.1),
                List.of(Variant.of("slow", "learning_rate", 0.01), Variant.of("fast")));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class,
                () -> new ExperimentRunner(QUIET).runOne(c, new PlannedRun(1, 2, "medium", 1), (config, seed, l) -> null)));
        cases.add(new SparkErrorCatalogTest.Case(IllegalStateException.class,
                () -> new ExperimentRunner(QUIET).run(c, List.of(1L), planned -> List.of())));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> new PlannedRun(3, 2, "fast", 1)));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> new PlannedRun(1, 2, " ", 1)));
        trainer(cases);
        return cases;
    }

    private static void trainer(List<SparkErrorCatalogTest.Case> cases) {
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> new SparkTrainer(null, 2, 1, 32)));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> {
            try (JavaSparkContext sc = new JavaSparkContext("local[1]", "SparkErrorCases")) {
                new SparkTrainer(sc, 0, 1, 32);
            }
        }));
        cases.add(new SparkErrorCatalogTest.Case(IllegalStateException.class, () -> {
            try (JavaSparkContext sc = new JavaSparkContext("local[1]", "SparkErrorCases")) {
                Sequential m = new Sequential("mnist", new Dense(10, "softmax"));
                new SparkTrainer(sc, 2, 1, 32).fit(m, sc.emptyRDD(), 1);
            }
        }));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> {
            try (JavaSparkContext sc = new JavaSparkContext("local[1]", "SparkErrorCases")) {
                Sequential m = SparkTrainerTest.model(1, true);
                new SparkTrainer(sc, 2, 1, 32).fit(m, sc.emptyRDD(), 0);
            }
        }));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> {
            try (JavaSparkContext sc = new JavaSparkContext("local[1]", "SparkErrorCases")) {
                SparkSession session = SparkSession.builder().sparkContext(sc.sc()).getOrCreate();
                Dataset<Row> frame = session.createDataFrame(List.of(RowFactory.create(List.of(0.5f), 1)), new StructType()
                        .add("pixels", DataTypes.createArrayType(DataTypes.FloatType)).add("digit", DataTypes.IntegerType));
                new SparkTrainer(sc, 1, 1, 1).samples(frame, 10);
            }
        }));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class,
                () -> RowSamples.sample(RowFactory.create(scala.jdk.javaapi.CollectionConverters.asScala(List.of(0.5f)).toSeq(), 10), 10)));
        cases.add(new SparkErrorCatalogTest.Case(IllegalArgumentException.class, () -> new Sample(new float[0], new float[] {1})));
    }
}
