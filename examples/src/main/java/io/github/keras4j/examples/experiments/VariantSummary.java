package io.github.keras4j.examples.experiments;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/**
 * One row of a comparison's table: a variant's runs over all seeds reduced to mean ± std. The statistics use
 * only the runs that ended {@code OK} (a diverged run's NaN loss would poison every mean); the status counts
 * say how many runs that was.
 *
 * @param minParameters the smallest parameter count any run reported ({@link RunResult#UNKNOWN_PARAMETERS}
 *                      when none did); equal to {@code maxParameters} unless the seeds built different models
 * @param reference     the lesson's value for this variant, or null when it reports none
 */
public record VariantSummary(Variant variant, int runs, Map<RunStatus.Kind, Integer> statusCounts,
                             MeanStd finalValAcc, MeanStd bestValAcc, MeanStd finalLoss, MeanStd finalValLoss, MeanStd secondsPerEpoch,
                             long minParameters, long maxParameters, Double reference) {
    public VariantSummary {
        statusCounts = Collections.unmodifiableMap(new EnumMap<>(statusCounts));
    }

    /** The summary of {@code variant} in {@code result}. */
    public static VariantSummary of(ComparisonResult result, Variant variant) {
        List<RunResult> runs = result.runsOf(variant.label());
        Map<RunStatus.Kind, Integer> counts = new EnumMap<>(RunStatus.Kind.class);
        for (RunResult r : runs) {
            counts.merge(r.status().kind(), 1, Integer::sum);
        }
        List<RunResult> ok = runs.stream().filter(r -> r.status().isOk()).toList();
        long[] params = runs.stream().mapToLong(RunResult::parameterCount).filter(p -> p >= 0).sorted().toArray();
        long min = params.length == 0 ? RunResult.UNKNOWN_PARAMETERS : params[0];
        long max = params.length == 0 ? RunResult.UNKNOWN_PARAMETERS : params[params.length - 1];
        return new VariantSummary(variant, runs.size(), counts,
                stat(ok, RunResult::finalValAcc), stat(ok, RunResult::bestValAcc),
                stat(ok, RunResult::finalLoss), stat(ok, RunResult::finalValLoss), stat(ok, RunResult::secondsPerEpoch),
                min, max, result.comparison().reference(variant.label()));
    }

    /** The summaries of every variant, in the comparison's order. */
    public static List<VariantSummary> allOf(ComparisonResult result) {
        return result.comparison().variants().stream().map(v -> of(result, v)).toList();
    }

    /** {@code 50,890}, or {@code 50,890-51,000} when the seeds disagree, or {@code -} when no run reported one. */
    public String parametersText() {
        if (minParameters < 0) {
            return "-";
        }
        String min = String.format(Locale.ROOT, "%,d", minParameters);
        return minParameters == maxParameters ? min : min + "-" + String.format(Locale.ROOT, "%,d", maxParameters);
    }

    /** {@code 3 OK}, {@code 2 OK, 1 DIVERGED}: the non-zero counts, in the order OK, DIVERGED, FAILED. */
    public String statusText() {
        StringJoiner j = new StringJoiner(", ");
        for (RunStatus.Kind k : RunStatus.Kind.values()) {
            int n = statusCounts.getOrDefault(k, 0);
            if (n > 0) {
                j.add(n + " " + k);
            }
        }
        return j.length() == 0 ? "no runs" : j.toString();
    }

    private static MeanStd stat(List<RunResult> runs, ToDoubleFunction<RunResult> f) {
        return MeanStd.of(runs.stream().mapToDouble(f).toArray());
    }
}
