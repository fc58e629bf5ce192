package io.github.keras4j.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import java.util.Arrays;
import java.util.List;

/**
 * Samples from a DataFrame (e.g. MNIST written to Parquet): a {@code features} column holding an array of
 * numbers, flat, and a {@code label} column holding either the class index (one-hot encoded here into
 * {@code classes} values) or an array (used as it is).
 */
final class RowSamples {
    static final String FEATURES = "features";
    static final String LABEL = "label";

    private RowSamples() {
    }

    static JavaRDD<Sample> of(Dataset<Row> frame, int classes) {
        List<String> columns = Arrays.asList(frame.columns());
        if (!columns.contains(FEATURES) || !columns.contains(LABEL)) {
            throw new IllegalArgumentException("SparkTrainer reads a DataFrame with columns '" + FEATURES + "' (an array of"
                    + " numbers) and '" + LABEL + "' (a class index, or an array), got columns " + columns);
        }
        return frame.select(FEATURES, LABEL).toJavaRDD().map(row -> sample(row, classes));
    }

    static Sample sample(Row row, int classes) {
        float[] x = floats(row.getList(0));
        Object label = row.get(1);
        if (label instanceof Number n) {
            if (classes <= 1) {
                return new Sample(x, new float[] {n.floatValue()});
            }
            float[] oneHot = new float[classes];
            int c = n.intValue();
            if (c < 0 || c >= classes || c != n.doubleValue()) {
                throw new IllegalArgumentException("label " + n + " is not a class index in [0, " + (classes - 1) + "] for "
                        + classes + " classes; give SparkTrainer.samples the number of classes (largest label + 1)");
            }
            oneHot[c] = 1;
            return new Sample(x, oneHot);
        }
        return new Sample(x, floats(row.getList(1)));
    }

    private static float[] floats(List<Object> values) {
        float[] out = new float[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) values.get(i)).floatValue();
        }
        return out;
    }
}
