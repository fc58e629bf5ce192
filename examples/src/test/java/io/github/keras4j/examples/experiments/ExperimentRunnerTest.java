package io.github.keras4j.examples.experiments;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ExperimentRunnerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream progress = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    static Comparison comparison(String... modes) {
        RunConfig base = RunConfig.of("base", "epochs", 3, "scale", 1.0, "mode", "ok");
        List<Variant> variants = Arrays.stream(modes).map(m -> Variant.of(m, "mode", m)).toList();
        return new Comparison("Fake sweep", base, variants);
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsEveryVariantWithEverySeedInOrderAndKeepsTheirConfigurations() {
        FakeTrainer trainer = new FakeTrainer();
        ComparisonResult r = new ExperimentRunner(progress).run(comparison("ok", "nan"), trainer, List.of(1L, 2L));

        assertEquals(List.of("ok/1", "ok/2", "nan/1", "nan/2"), trainer.calls);
        assertEquals(4, r.runs().size());
        RunResult third = r.runs().get(2);
        assertEquals("nan", third.variant());
        assertEquals(1L, third.seed());
        assertEquals("nan {epochs=3, scale=1.0, mode=nan}", third.config().toString());
        RunResult first = r.runs().get(0);
        assertEquals(3, first.epochs().size());
        assertEquals(FakeTrainer.loss(1.0, 3, 1), first.finalLoss(), 0);
        assertEquals(FakeTrainer.PARAMETERS, first.parameterCount());
        assertEquals("ok-1", first.fingerprint());
        assertEquals(RunStatus.ok(), first.status());
    }

    @Test
    void nanLossIsDivergedAndAnExceptionIsFailedAndTheSweepGoesOn() {
        FakeTrainer trainer = new FakeTrainer();
        ComparisonResult r = new ExperimentRunner(progress).run(comparison("throw", "nan", "ok"), trainer, List.of(7L));

        assertEquals(List.of("throw/7", "nan/7", "ok/7"), trainer.calls, "a failed run must not stop the sweep");
        RunResult failed = r.runs().get(0);
        assertEquals(RunStatus.Kind.FAILED, failed.status().kind());
        assertEquals("IllegalStateException: boom after epoch 1", failed.status().detail());
        assertEquals(1, failed.epochs().size(), "the epochs reported before the exception are kept");
        assertEquals(RunResult.UNKNOWN_PARAMETERS, failed.parameterCount());

        RunResult diverged = r.runs().get(1);
        assertEquals(RunStatus.Kind.DIVERGED, diverged.status().kind());
        assertEquals("DIVERGED (NaN loss at epoch 2)", diverged.status().toString());
        assertEquals(FakeTrainer.PARAMETERS, diverged.parameterCount());

        assertEquals(RunStatus.ok(), r.runs().get(2).status());
    }

    @Test
    void aTrainerThatThrowsAfterANanLossDiverged() {
        ComparisonResult r = new ExperimentRunner(progress).run(comparison("nan-then-throw"), new FakeTrainer(), List.of(1L));
        assertEquals("DIVERGED (NaN loss at epoch 1)", r.runs().get(0).status().toString());
    }

    @Test
    void aTrainerThatReturnsNoEpochsFailed() {
        ComparisonResult r = new ExperimentRunner(progress).run(comparison("empty"), new FakeTrainer(), List.of(1L));
        assertEquals("FAILED (the trainer returned no epochs)", r.runs().get(0).status().toString());
    }

    @Test
    void anExceptionWithoutMessageIsNamedByItsType() {
        Trainer t = (c, s, l) -> {
            throw new UnsupportedOperationException();
        };
        ComparisonResult r = new ExperimentRunner(progress).run(comparison("ok"), t, List.of(1L));
        assertEquals("FAILED (UnsupportedOperationException)", r.runs().get(0).status().toString());
        assertTrue(r.runs().get(0).epochs().isEmpty());
    }

    @Test
    void runningOutOfMemoryFailsOnlyThatRun() {
        Trainer t = (c, s, l) -> {
            if (c.name().equals("ok")) {
                throw new OutOfMemoryError("Java heap space");
            }
            return new FakeTrainer().train(c, s, l);
        };
        ComparisonResult r = new ExperimentRunner(progress).run(comparison("ok", "nan"), t, List.of(1L));
        assertEquals("FAILED (OutOfMemoryError: Java heap space)", r.runs().get(0).status().toString());
        assertEquals(RunStatus.Kind.DIVERGED, r.runs().get(1).status().kind());
    }

    @Test
    void printsAHeaderAndOneLinePerRun() {
        new ExperimentRunner(progress).run(comparison("ok", "nan", "throw"), new FakeTrainer(), List.of(1L, 2L));
        List<String> lines = output().lines().toList();

        assertEquals(1 + 6, lines.size(), output());
        assertEquals("Fake sweep: 3 variants x 2 seeds = 6 runs (base: epochs=3, scale=1.0, mode=ok)", lines.get(0));
        // loss = 1/3 + 0.01 = 0.3433..., val_acc = 1 - loss/4 - 0.02 = 0.8942
        assertEquals("[run 1/6] ok, seed 1: epoch 3/3  loss 0.3433  val_acc 0.8942", lines.get(1).replaceAll("  [0-9.]+ s  OK  weights ok-1$", ""));
        assertTrue(lines.get(1).matches(".* [0-9]+\\.[0-9] s  OK  weights ok-1"), lines.get(1));
        assertTrue(lines.get(4).startsWith("[run 4/6] nan, seed 2: epoch 3/3  loss NaN  val_acc NaN  "), lines.get(4));
        assertTrue(lines.get(4).endsWith("DIVERGED (NaN loss at epoch 2)  weights nan-2"), lines.get(4));
        assertTrue(lines.get(5).startsWith("[run 5/6] throw, seed 1: epoch 1/3  loss 1.0100  val_acc 0.7275  "), lines.get(5));
        assertTrue(lines.get(5).endsWith("FAILED (IllegalStateException: boom after epoch 1)"), lines.get(5));
    }

    @Test
    void liveUpdatesRewriteTheLineAfterEveryEpochAndEndItOnce() {
        new ExperimentRunner(progress, true).run(comparison("ok"), new FakeTrainer(), List.of(1L, 2L));
        String out = output();
        // 3 epochs per run, each rewritten in place, plus the final line of each run
        assertEquals(2 * (3 + 1), out.chars().filter(c -> c == '\r').count(), out);
        assertTrue(out.contains("\r[run 1/2] ok, seed 1: epoch 2/3  loss 0.5100"), out);
        assertEquals(3, out.split(System.lineSeparator()).length, "header and one finished line per run");
    }

    @Test
    void withoutAnEpochsSettingTheTotalIsUnknown() {
        RunConfig base = RunConfig.of("base", "scale", 1.0, "mode", "ok");
        Trainer t = (c, s, l) -> {
            EpochResult e = new EpochResult(1, 0.5, 0.8, 0.6, 0.7, 1.0);
            l.onEpochEnd(e);
            return new TrainingHistory(List.of(e), 10);
        };
        new ExperimentRunner(progress).run(new Comparison("No epochs", base, List.of(Variant.of("only"))), t, List.of(1L));
        assertTrue(output().contains("[run 1/1] only, seed 1: epoch 1/?  loss 0.5000  val_acc 0.7000"), output());
    }

    @Test
    void seedsCountFromOne() {
        assertEquals(List.of(1L, 2L, 3L), ExperimentRunner.seeds(3));
        assertEquals(1L, ExperimentRunner.FIRST_SEED);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ExperimentRunner.seeds(0));
        assertEquals("the number of seeds must be >= 1, got 0", e.getMessage());
    }

    @Test
    void rejectsAMissingTrainerOrNoSeeds() {
        ExperimentRunner runner = new ExperimentRunner(progress);
        assertEquals("Comparison 'Fake sweep': trainer is null", assertThrows(IllegalArgumentException.class,
                () -> runner.run(comparison("ok"), null, List.of(1L))).getMessage());
        assertEquals("Comparison 'Fake sweep': no seeds given; pass at least one, e.g. ExperimentRunner.seeds(1)",
                assertThrows(IllegalArgumentException.class,
                        () -> runner.run(comparison("ok"), new FakeTrainer(), List.of())).getMessage());
    }
}
