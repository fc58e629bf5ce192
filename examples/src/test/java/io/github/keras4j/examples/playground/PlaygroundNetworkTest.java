package io.github.keras4j.examples.playground;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The keras4j network trains as the Playground's own algorithm does ({@link ReferencePlayground}, per neuron, in
 * double): the same initial weights, the same weights after iterations, the same losses. keras4j computes in
 * float32, hence the tolerances.
 */
class PlaygroundNetworkTest {
    private record Pair(PlaygroundNetwork net, ReferencePlayground ref, PlaygroundData data) {
    }

    private static Pair both(String hash) {
        PlaygroundState s = PlaygroundState.parse(hash, "unused");
        SeedRandom r1 = new SeedRandom(s.seed());
        PlaygroundData data = PlaygroundData.generate(s, r1);
        PlaygroundNetwork net = new PlaygroundNetwork(s, data.train(), r1);
        SeedRandom r2 = new SeedRandom(s.seed());
        PlaygroundData.generate(s, r2);
        return new Pair(net, new ReferencePlayground(s, r2), data);
    }

    private static void assertSameWeights(Pair p, double tolerance) {
        List<double[][]> kernels = p.net.kernels();
        List<double[]> biases = p.net.biases();
        for (int l = 0; l < kernels.size(); l++) {
            for (int src = 0; src < kernels.get(l).length; src++) {
                for (int d = 0; d < kernels.get(l)[src].length; d++) {
                    assertEquals(p.ref.w[l][d][src], kernels.get(l)[src][d], tolerance, "layer " + l + " weight " + src + "->" + d);
                }
            }
            for (int d = 0; d < biases.get(l).length; d++) {
                assertEquals(p.ref.b[l][d], biases.get(l)[d], tolerance, "layer " + l + " bias " + d);
            }
        }
    }

    private static void trainBoth(Pair p, int iterations) {
        for (int i = 0; i < iterations; i++) {
            p.net.iterate();
            p.ref.iterate(p.data.train());
        }
    }

    @Test
    void startsWithThePlaygroundsWeightsAndLoss() {
        Pair p = both("networkShape=4,2&seed=0.12345");
        assertSameWeights(p, 1e-7);
        assertEquals(0.1, p.net.biases().get(0)[0], 1e-7);
        assertEquals(p.ref.loss(p.data.test()), p.net.loss(p.data.test()), 1e-5);
    }

    @Test
    void trainsAsThePlaygroundDoes() {
        Pair p = both("networkShape=4,2&activation=tanh&seed=0.12345&batchSize=10");
        trainBoth(p, 5);
        assertSameWeights(p, 2e-4);
        assertEquals(p.ref.loss(p.data.train()), p.net.loss(p.data.train()), 1e-4);
    }

    @Test
    void pointsAfterTheLastFullBatchCarryIntoTheNextIterationsFirstBatch() {
        // 250 training points in batches of 30: 10 points carry over, so iteration 2 starts with a batch of 40.
        Pair p = both("networkShape=3&activation=relu&seed=0.7&batchSize=30&dataset=xor");
        trainBoth(p, 4);
        assertSameWeights(p, 2e-4);
    }

    @Test
    void l2ShrinksAsThePlaygroundsStepAndL1ClipsWeightsToZeroForGood() {
        Pair l2 = both("networkShape=4&activation=tanh&seed=0.3&regularization=L2&regularizationRate=0.1&learningRate=0.1");
        trainBoth(l2, 5);
        assertSameWeights(l2, 2e-4);

        Pair l1 = both("networkShape=8,8&activation=tanh&seed=0.3&regularization=L1&regularizationRate=0.03&learningRate=0.1");
        trainBoth(l1, 20);
        int[] zero = l1.net.zeroWeights();
        assertTrue(zero[0] > 0, "L1 drives some weights to exactly zero: " + zero[0] + " of " + zero[1]);
        int refZero = 0;
        for (double[][] layer : l1.ref.w) {
            for (double[] row : layer) {
                for (double v : row) {
                    refZero += v == 0 ? 1 : 0;
                }
            }
        }
        assertEquals(refZero, zero[0], Math.max(2, refZero / 10.0), "as many zeros as the Playground's algorithm, up to float32 ties");
        for (int i = 0; i < 5; i++) {
            l1.net.iterate();
        }
        assertTrue(l1.net.zeroWeights()[0] >= zero[0], "a clipped weight stays zero");
    }

    /**
     * Why the browser tests use seed 0.1: with X1², X2² and no hidden layer, seed 0.5 draws two positive weights
     * (0.45 and 0.53 after training), so tanh saturates at +1 on the whole outer ring, its gradient vanishes there
     * and the test loss stays near 1 — the real Playground gets stuck with this seed too. Seed 0.1 draws negative
     * ones and solves the circle in a few iterations.
     */
    @Test
    void circleFromSquaredFeaturesIsSolvedWithSeed0Point1AndGetsStuckWithSeed0Point5() {
        String base = "dataset=circle&x=false&y=false&xSquared=true&ySquared=true&networkShape=&activation=linear&learningRate=0.03&seed=";
        Pair good = both(base + "0.1");
        Pair stuck = both(base + "0.5");
        for (int i = 0; i < 50; i++) {
            good.net.iterate();
            stuck.net.iterate();
        }
        assertTrue(good.net.loss(good.data.test()) < 0.05, "seed 0.1: " + good.net.loss(good.data.test()));
        assertTrue(stuck.net.loss(stuck.data.test()) > 0.5, "seed 0.5: " + stuck.net.loss(stuck.data.test()));
    }

    @Test
    void xorFromX1AndX2AloneStaysAboveLoss0Point4() {
        Pair p = both("dataset=xor&networkShape=&activation=linear&learningRate=0.03&seed=0.1");
        for (int i = 0; i < 100; i++) {
            p.net.iterate();
        }
        assertTrue(p.net.loss(p.data.test()) > 0.4, "a line cannot split XOR: " + p.net.loss(p.data.test()));
    }
}
