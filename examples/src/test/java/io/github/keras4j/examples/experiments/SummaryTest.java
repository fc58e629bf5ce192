package io.github.keras4j.examples.experiments;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SummaryTest {
    @Test
    void meanAndSampleStandardDeviationByHand() {
        MeanStd m = MeanStd.of(0.90, 0.92, 0.94);
        assertEquals(0.92, m.mean(), 1e-12);
        assertEquals(0.02, m.std(), 1e-12); // sqrt((0.0004 + 0 + 0.0004) / (3 - 1))
        assertEquals(3, m.count());
        assertEquals("0.9200 ± 0.0200", m.format(4));
    }

    @Test
    void nanValuesAreSkippedAndOneValueHasNoSpread() {
        MeanStd m = MeanStd.of(2.0, Double.NaN, 4.0);
        assertEquals(3.0, m.mean(), 0);
        assertEquals(Math.sqrt(2), m.std(), 1e-12); // sqrt((1 + 1) / (2 - 1))
        assertEquals(2, m.count());
        assertEquals("5.00", MeanStd.of(5).format(2));
        assertEquals(0, MeanStd.of(5).std());
        assertEquals("-", MeanStd.of(Double.NaN).format(2));
        assertEquals("-", MeanStd.of().format(2));
    }

    @Test
    void aRunReducesToFinalBestLossAndSecondsPerEpoch() {
        RunResult r = SummaryFixtures.run(SummaryFixtures.BASE, 1, 0.95, 0.92, 0.20, RunStatus.ok());
        assertEquals(0.92, r.finalValAcc());
        assertEquals(0.95, r.bestValAcc());
        assertEquals(0.20, r.finalLoss());
        assertEquals(1.5, r.secondsPerEpoch());
    }

    @Test
    void aVariantSummaryUsesTheOkRunsAndCountsStatuses() {
        List<VariantSummary> all = VariantSummary.allOf(SummaryFixtures.result());
        VariantSummary sigmoid = all.get(0);
        assertEquals(3, sigmoid.runs());
        assertEquals(0.92, sigmoid.finalValAcc().mean(), 1e-12);
        assertEquals(0.02, sigmoid.finalValAcc().std(), 1e-12);
        assertEquals(0.94, sigmoid.bestValAcc().mean(), 1e-12);
        assertEquals(Math.sqrt(0.0014 / 2), sigmoid.bestValAcc().std(), 1e-12);
        assertEquals(0.25, sigmoid.finalLoss().mean(), 1e-12);
        assertEquals(0.05, sigmoid.finalLoss().std(), 1e-12);
        assertEquals(1.5, sigmoid.secondsPerEpoch().mean(), 1e-12);
        assertEquals(0.919, sigmoid.reference());
        assertEquals("3 OK", sigmoid.statusText());
        assertEquals("50,890", sigmoid.parametersText());

        VariantSummary relu = all.get(1);
        assertEquals(1, relu.finalValAcc().count(), "only the OK run counts");
        assertEquals(0.97, relu.finalValAcc().mean());
        assertEquals("1 OK, 1 DIVERGED, 1 FAILED", relu.statusText());
        assertEquals("50,890", relu.parametersText(), "the failed run's unknown count is ignored");
        assertNull(relu.reference());
    }

    @Test
    void parameterCountsThatDisagreeShowARange() {
        RunConfig c = SummaryFixtures.BASE;
        ComparisonResult r = new ComparisonResult(new Comparison("P", c, List.of(Variant.of("base"))), List.of(1L, 2L),
                List.of(new RunResult(c.named("base"), 1, List.of(), 100, RunStatus.failed("x"), ""),
                        new RunResult(c.named("base"), 2, List.of(), 1200, RunStatus.failed("x"), "")));
        assertEquals("100-1,200", VariantSummary.allOf(r).get(0).parametersText());
        assertEquals("-", VariantSummary.of(new ComparisonResult(r.comparison(), List.of(1L),
                List.of(new RunResult(c.named("base"), 1, List.of(), -1, RunStatus.failed("x"), ""))), Variant.of("base"))
                .parametersText());
    }
}
