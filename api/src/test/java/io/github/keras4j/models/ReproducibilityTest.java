package io.github.keras4j.models;

import io.github.keras4j.backend.Threads;
import io.github.keras4j.utils.Utils;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.github.keras4j.SyntheticData.floats;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With a seed set, training with shuffling and Dropout gives bit-identical weights: twice in this JVM, and in
 * a second JVM started from this test with the same classpath and the same BLAS thread count.
 */
class ReproducibilityTest {
    @Test
    void theSameSeedGivesBitIdenticalWeightsInOneJvm() {
        List<INDArray> a = ReproducibleRun.train(42).getWeights();
        List<INDArray> b = ReproducibleRun.train(42).getWeights();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(floats(a.get(i)), floats(b.get(i)), "weight " + i); // float equality here is bit equality: no NaN
        }
        assertEquals(ReproducibleRun.weightsDigest(a), ReproducibleRun.weightsDigest(b));
        List<INDArray> c = ReproducibleRun.train(43).getWeights();
        assertFalse(java.util.Arrays.equals(floats(a.get(0)), floats(c.get(0))), "another seed gives other weights");
    }

    @Test
    void aSecondJvmTrainsToTheSameBits() throws IOException, InterruptedException {
        Sequential here = ReproducibleRun.train(42);
        String expected = "fingerprint=" + Utils.fingerprint(here) + " digest=" + ReproducibleRun.weightsDigest(here.getWeights());

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Surefire's own property holds the test classpath; java.class.path may be a manifest-only jar naming it.
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-D" + Threads.PROPERTY + "=" + Threads.blasThreads(), "-cp", classpath,
                ReproducibleRun.class.getName(), "42").redirectErrorStream(true).start();
        child.getOutputStream().close();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the second JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        String line = output.lines().filter(l -> l.startsWith("fingerprint=")).findFirst().orElse("no result in: " + output);
        assertEquals(expected, line);
        assertNotEquals(Utils.fingerprint(here), Utils.fingerprint(ReproducibleRun.train(43)));
    }
}
