package io.github.keras4j.datasets;

import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * How long and how slowly a dataset download may run before it is abandoned (its {@code .part} file deleted):
 * <ul>
 *   <li>{@code stall}: no byte at all for this long ({@value #STALL_SECONDS} s);</li>
 *   <li>{@code deadline}: the whole file, from the request on, within this long: system property
 *   {@value #TIMEOUT_PROPERTY} or environment variable {@value #TIMEOUT_VARIABLE}, in seconds, else
 *   {@value #TIMEOUT_SECONDS} s;</li>
 *   <li>{@code minBytesPerSecond}: fewer bytes than this rate in any {@code rateWindow} ({@value #RATE_WINDOW_SECONDS}
 *   s) after the response began: system property {@value #MIN_RATE_PROPERTY} or environment variable
 *   {@value #MIN_RATE_VARIABLE}, in bytes per second (0 turns the check off), else {@value #MIN_BYTES_PER_SECOND}.</li>
 * </ul>
 * Why all three: the stall check alone lets a mirror that sends one byte every few seconds keep a download going
 * for ever; the rate check catches such a trickle within one window, and the deadline bounds everything else.
 *
 * @param stall             no data for this long abandons the download
 * @param deadline          the download must end within this long of its start
 * @param minBytesPerSecond the least average rate over each {@code rateWindow}; 0 for no rate check
 * @param rateWindow        the span the rate is averaged over
 */
record DownloadLimits(Duration stall, Duration deadline, long minBytesPerSecond, Duration rateWindow) {
    /** Seconds without a byte before a download is abandoned: {@value}. */
    static final int STALL_SECONDS = 60;
    /** Seconds a download may take in all, by default: {@value} (the largest dataset file is 26 MB). */
    static final int TIMEOUT_SECONDS = 1800;
    /** The least average rate, in bytes per second, by default: {@value}. */
    static final long MIN_BYTES_PER_SECOND = 1024;
    /** Seconds the rate is averaged over: {@value}. */
    static final int RATE_WINDOW_SECONDS = 30;
    /** The system property for the deadline, in seconds: {@value}. */
    static final String TIMEOUT_PROPERTY = "keras4j.download.timeout";
    /** The environment variable for the deadline when the property is unset: {@value}. */
    static final String TIMEOUT_VARIABLE = "KERAS4J_DOWNLOAD_TIMEOUT";
    /** The system property for the least rate, in bytes per second: {@value}. */
    static final String MIN_RATE_PROPERTY = "keras4j.download.minRate";
    /** The environment variable for the least rate when the property is unset: {@value}. */
    static final String MIN_RATE_VARIABLE = "KERAS4J_DOWNLOAD_MIN_RATE";

    /** The limits the settings give, read now (so a setting changed later applies to the next download). */
    static DownloadLimits fromSettings() {
        return fromSettings(System::getProperty, System::getenv);
    }

    /** {@link #fromSettings()} with the lookups passed in, so every branch can be tested. */
    static DownloadLimits fromSettings(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        double timeout = setting(properties, environment, TIMEOUT_PROPERTY, TIMEOUT_VARIABLE, TIMEOUT_SECONDS, false);
        double rate = setting(properties, environment, MIN_RATE_PROPERTY, MIN_RATE_VARIABLE, MIN_BYTES_PER_SECOND, true);
        return new DownloadLimits(Duration.ofSeconds(STALL_SECONDS), Duration.ofNanos((long) (timeout * 1e9)), (long) rate,
                Duration.ofSeconds(RATE_WINDOW_SECONDS));
    }

    private static double setting(UnaryOperator<String> properties, UnaryOperator<String> environment, String property,
                                  String variable, double fallback, boolean zeroAllowed) {
        String value = properties.apply(property);
        String source = "system property " + property;
        if (value == null || value.isBlank()) {
            value = environment.apply(variable);
            source = "environment variable " + variable;
        }
        if (value == null || value.isBlank()) {
            return fallback;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (!Double.isFinite(parsed) || parsed < 0 || (parsed == 0 && !zeroAllowed)) {
            throw new IllegalStateException("The " + source + " must be a number " + (zeroAllowed ? ">= 0" : "> 0") + ", got '"
                    + value + "'. Leave it unset for the default, " + (long) fallback + ".");
        }
        return parsed;
    }
}
