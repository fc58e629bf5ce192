package io.github.keras4j.data;

import io.github.keras4j.layers.Dense;
import io.github.keras4j.models.FitOptions;
import io.github.keras4j.models.Sequential;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CSV rows streamed a batch at a time: the values written, in any batch order, and the weights of the arrays in memory. */
class CsvSourceTest {
    @TempDir
    Path tmp;

    private static final int N = 103, FEATURES = 6;

    /** Features as whole numbers and decimals; the label in the middle column; blank lines and CRLF endings. */
    private Path write(float[][] x, int[] y, boolean header) throws IOException {
        StringBuilder s = new StringBuilder(header ? "f0,f1,f2,label,f3,f4,f5\r\n" : "");
        for (int i = 0; i < N; i++) {
            StringBuilder row = new StringBuilder();
            for (int j = 0; j < FEATURES; j++) {
                if (j == 3) {
                    row.append(y[i]).append(',');
                }
                row.append(x[i][j]).append(j < FEATURES - 1 ? "," : "");
            }
            s.append(row).append(i % 10 == 3 ? "\r\n\r\n" : "\n");
        }
        Path file = tmp.resolve(header ? "with-header.csv" : "plain.csv");
        Files.writeString(file, s);
        return file;
    }

    @Test
    void batchesHoldTheRowsValuesWithOrWithoutAHeaderAndTrainAsArraysDo() throws IOException {
        Random r = new Random(2);
        float[][] x = new float[N][FEATURES];
        int[] y = new int[N];
        for (int i = 0; i < N; i++) {
            y[i] = r.nextInt(3);
            for (int j = 0; j < FEATURES; j++) {
                x[i][j] = j % 2 == 0 ? r.nextInt(256) : (float) r.nextGaussian();
            }
        }
        INDArray xs = Nd4j.createFromArray(x);
        float[] labels = new float[N];
        for (int i = 0; i < N; i++) {
            labels[i] = y[i];
        }
        INDArray ys = Nd4j.createFromArray(labels);
        for (CsvSource source : new CsvSource[] {CsvSource.of(write(x, y, true), "label", 10), CsvSource.of(write(x, y, false), 3, false, 10)}) {
            assertEquals(N, source.samples());
            assertEquals(11, source.numBatches());
            for (int b : new int[] {10, 0, 4, 4}) {
                int from = b * 10, to = Math.min(N, from + 10);
                Batch batch = source.batch(b);
                assertArrayEquals(floats(xs.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to))), floats(batch.x()), "batch " + b);
                assertArrayEquals(floats(ys.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to))), floats(batch.y()));
            }
        }
        Utils.setRandomSeed(3);
        Sequential memory = new Sequential(new Dense(8, "relu").inputShape(FEATURES), new Dense(3, "softmax"));
        memory.compile("adam", "sparse_categorical_crossentropy");
        memory.fit(xs, ys, FitOptions.defaults().withVerbose(0).withEpochs(2).withBatchSize(10).withShuffle(false));
        Utils.setRandomSeed(3);
        Sequential streamed = new Sequential(new Dense(8, "relu").inputShape(FEATURES), new Dense(3, "softmax"));
        streamed.compile("adam", "sparse_categorical_crossentropy");
        streamed.fit(CsvSource.of(write(x, y, true), "label", 10).prefetch(2), FitOptions.defaults().withVerbose(0).withEpochs(2));
        assertEquals(Utils.fingerprint(memory), Utils.fingerprint(streamed));
    }

    @Test
    void aBadValueOrRowIsNamedByFileLineAndColumn() throws IOException {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, "label,a,b\n1,2,3\n0,4,x7\n1,2\n");
        CsvSource source = CsvSource.of(file, "label", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> source.batch(1));
        assertEquals(file + " line 3, column 3: 'x7' is not a number. A CsvSource reads numbers only; encode text columns as numbers first.",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> source.batch(2));
        assertEquals(file + " line 4 has 2 columns but the first line has 3: every row needs one value per column.", e.getMessage());
        assertEquals(2.0f, source.batch(0).x().getFloat(0));
    }
}
