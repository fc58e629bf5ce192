package io.github.keras4j.examples.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One browser tab's Playground: its settings, data, network and iteration count, changed by the page's buttons
 * as the Playground changes them. Every method is synchronized: the tab's requests and its training turn never
 * run at the same time. Randomness follows the Playground's: the seed keys a {@link SeedRandom}; the data and
 * then the initial weights are drawn from it; a reset draws new weights from where it stands; regenerating the
 * data, or changing a data setting, first draws a new seed from it.
 */
public final class PlaygroundSession {
    private final String id;
    private PlaygroundState state;
    private SeedRandom random;
    private PlaygroundData data;
    private PlaygroundNetwork network;
    private int iteration;
    private double lossTrain;
    private double lossTest;
    private int dataVersion;
    private boolean playing;
    private String status = "";
    /** Losses not yet sent to the page, one {iteration, train, test} per iteration; bounded if no page reads them. */
    private final List<double[]> unsent = new ArrayList<>();
    private static final int MAX_UNSENT = 10_000;

    /** A tab opened with {@code state}: its data and network drawn from its seed. */
    public PlaygroundSession(String id, PlaygroundState state) {
        this.id = id;
        this.state = state;
        this.random = new SeedRandom(state.seed());
        this.data = PlaygroundData.generate(state, random);
        reset();
    }

    public String id() {
        return id;
    }

    public synchronized PlaygroundState state() {
        return state;
    }

    public synchronized PlaygroundData data() {
        return data;
    }

    public synchronized int dataVersion() {
        return dataVersion;
    }

    public synchronized int iteration() {
        return iteration;
    }

    public synchronized boolean playing() {
        return playing;
    }

    public synchronized void setPlaying(boolean playing) {
        this.playing = playing;
        if (!playing) {
            status = "";
        }
    }

    /** A line for the page (e.g. that the tab waits for a free trainer); empty when there is nothing to say. */
    public synchronized String status() {
        return status;
    }

    public synchronized void setStatus(String status) {
        this.status = status;
    }

    /** A new network, iteration 0, paused: the reset button. */
    public synchronized void reset() {
        playing = false;
        network = new PlaygroundNetwork(state, data.train(), random);
        iteration = 0;
        unsent.clear();
        updateLosses();
    }

    /** One iteration (the step button, and each turn of a playing tab). */
    public synchronized void step() {
        network.iterate();
        iteration++;
        updateLosses();
    }

    /** New points from a new seed, keeping the network (the regenerate button). */
    public synchronized void regenerate() {
        state = withSeed(state, PlaygroundData.newSeed(random));
        random = new SeedRandom(state.seed());
        data = PlaygroundData.generate(state, random);
        dataVersion++;
        network = rebuildOnNewData();
        updateLosses();
    }

    /** The Playground keeps its network over new data; ours holds its training points, so it takes the new ones. */
    private PlaygroundNetwork rebuildOnNewData() {
        PlaygroundNetwork kept = network;
        PlaygroundNetwork moved = new PlaygroundNetwork(state, data.train(), new SeedRandom(state.seed()));
        moved.model().setWeights(kept.model().getWeights());
        return moved;
    }

    /**
     * Applies settings the page changed, as the Playground applies each control: a new learning rate or display
     * option changes only that; a data setting draws new data from a new seed and resets; any other setting
     * resets. A changed {@code seed} (a new link) starts from that seed.
     */
    public synchronized void update(PlaygroundState next) {
        PlaygroundState before = state;
        if (!next.seed().equals(before.seed())) {
            state = next;
            random = new SeedRandom(next.seed());
            data = PlaygroundData.generate(next, random);
            dataVersion++;
            reset();
            return;
        }
        boolean dataChanged = next.dataset() != before.dataset() || next.regDataset() != before.regDataset()
                || next.regression() != before.regression() || next.noise() != before.noise()
                || next.percTrainData() != before.percTrainData();
        boolean networkChanged = !Objects.equals(next.activation(), before.activation())
                || !Objects.equals(next.regularization(), before.regularization())
                || next.regularizationRate() != before.regularizationRate() || next.batchSize() != before.batchSize()
                || !next.networkShape().equals(before.networkShape()) || !next.features().equals(before.features())
                || next.initZero() != before.initZero();
        if (dataChanged) {
            state = withSeed(next, PlaygroundData.newSeed(random));
            random = new SeedRandom(state.seed());
            data = PlaygroundData.generate(state, random);
            dataVersion++;
            reset();
        } else if (networkChanged) {
            state = next;
            reset();
        } else {
            state = next;
            network.setLearningRate(next.learningRate());
        }
    }

    private static PlaygroundState withSeed(PlaygroundState s, String seed) {
        return new PlaygroundState(s.activation(), s.regularization(), s.batchSize(), s.dataset(), s.regDataset(),
                s.learningRate(), s.regularizationRate(), s.noise(), s.networkShape(), seed, s.showTestData(),
                s.discretize(), s.percTrainData(), s.features(), s.regression(), s.initZero());
    }

    private void updateLosses() {
        lossTrain = network.loss(data.train());
        lossTest = network.loss(data.test());
        if (unsent.size() == MAX_UNSENT) {
            unsent.remove(0);
        }
        unsent.add(new double[] {iteration, lossTrain, lossTest});
    }

    /** What the page draws now; the losses of the iterations since the last frame come with it, once. */
    public synchronized Frame frame() {
        List<double[]> fresh = List.copyOf(unsent);
        unsent.clear();
        return Frame.of(network, state, iteration, lossTrain, lossTest, playing, status, dataVersion, fresh);
    }

    /** The network, for the lesson and tests. */
    public synchronized PlaygroundNetwork network() {
        return network;
    }

    public synchronized double lossTrain() {
        return lossTrain;
    }

    public synchronized double lossTest() {
        return lossTest;
    }
}
