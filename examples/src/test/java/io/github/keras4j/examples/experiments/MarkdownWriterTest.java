package io.github.keras4j.examples.experiments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownWriterTest {
    @Test
    void theTableShowsHandComputedMeansAndDeviations() {
        String md = MarkdownWriter.format(SummaryFixtures.result(), List.of("loss.png", "accuracy.png"));
        List<String> lines = md.lines().toList();

        assertEquals("## Sigmoid vs ReLU", lines.get(0));
        assertEquals("Base configuration: `epochs=2, activation=sigmoid`. 3 seeds (1, 2, 3). Values are mean ± sample std "
                + "over the runs that ended OK; accuracies are on the validation data.", lines.get(2));
        assertEquals("| variant | settings | final val_acc | best val_acc | lesson | final loss | final val_loss | s/epoch | params | runs |",
                lines.get(4));
        assertEquals("|---|---|---:|---:|---:|---:|---:|---:|---:|---|", lines.get(5));
        // final 0.90/0.92/0.94; best 0.91/0.95/0.96 -> std sqrt(0.0014/2) = 0.02646; loss 0.30/0.20/0.25 -> 0.25 ± 0.05;
        // val_loss = loss + 0.1 -> 0.35 ± 0.05
        assertEquals("| sigmoid | (base) | 0.9200 ± 0.0200 | 0.9400 ± 0.0265 | 0.919 | 0.2500 ± 0.0500 | 0.3500 ± 0.0500 | 1.50 ± 0.00 "
                + "| 50,890 | 3 OK |", lines.get(6));
        assertEquals("| relu \\| fast | activation=relu | 0.9700 | 0.9750 |  | 0.1000 | 0.2000 | 1.50 | 50,890 "
                + "| 1 OK, 1 DIVERGED, 1 FAILED |", lines.get(7));
    }

    @Test
    void runsThatDidNotEndOkAreListedOnOneLineEach() {
        String md = MarkdownWriter.format(SummaryFixtures.result(), List.of());
        assertTrue(md.contains("\nRuns that did not end OK:\n\n"
                + "- relu \\| fast, seed 2: DIVERGED (NaN loss at epoch 2)\n"
                + "- relu \\| fast, seed 3: FAILED (IllegalStateException: out of \"memory\", badly second line)\n"), md);
        assertTrue(!md.contains("!["), "no plot links when no plots were written");
    }

    @Test
    void plotsAreLinkedBelowTheTable() {
        String md = MarkdownWriter.format(SummaryFixtures.result(), List.of("loss.png", "accuracy.png"));
        assertTrue(md.endsWith("\n![loss.png](loss.png)\n![accuracy.png](accuracy.png)\n"), md);
    }

    @Test
    void aVariantWithoutOkRunsShowsDashes() {
        RunConfig base = SummaryFixtures.BASE;
        ComparisonResult r = new ComparisonResult(new Comparison("All failed", base, List.of(Variant.of("a"))), List.of(1L),
                List.of(new RunResult(base.named("a"), 1, List.of(), -1, RunStatus.failed("boom"), "")));
        assertTrue(MarkdownWriter.format(r, List.of()).contains("| a | (base) | - | - |  | - | - | - | - | 1 FAILED |"));
    }
}
