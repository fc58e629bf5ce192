package io.github.keras4j.callbacks;

import io.github.keras4j.saving.Saving;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Saves the model (or its weights) at the end of each epoch (Keras' {@code ModelCheckpoint}), through the
 * same atomic writer as {@code model.save}: an interrupted save never leaves a half-written checkpoint.
 *
 * <p>The file name may hold Keras' placeholders, filled from the epoch (counted from 1) and the epoch's
 * logs: {@code "ckpt-{epoch:02d}-{val_loss:.2f}.keras"}. With {@code saveBestOnly} the file is written
 * only when the monitored value improves. A full model needs the suffix {@code .keras}; with
 * {@code saveWeightsOnly} the suffix is {@code .weights.h5}, as Keras 3 requires.
 *
 * <p>Defaults as in Keras: monitor {@value #DEFAULT_MONITOR}, mode {@value #DEFAULT_MODE}, saveBestOnly
 * and saveWeightsOnly false.
 */
public class ModelCheckpoint extends Callback {
    public static final String DEFAULT_MONITOR = "val_loss";
    public static final String DEFAULT_MODE = "auto";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private final String filepath;
    private String monitorName = DEFAULT_MONITOR;
    private String mode = DEFAULT_MODE;
    private boolean saveBestOnly;
    private boolean saveWeightsOnly;
    private Double best;
    private Monitor monitor;

    public ModelCheckpoint(Path filepath) {
        this(filepath.toString());
    }

    /** @param filepath where to save, with optional placeholders such as {@code {epoch:02d}} */
    public ModelCheckpoint(String filepath) {
        if (filepath == null || filepath.isBlank()) {
            throw new IllegalArgumentException("ModelCheckpoint needs a file path, got '" + filepath + "'");
        }
        if (!filepath.endsWith(".keras") && !filepath.endsWith(Saving.WEIGHTS_SUFFIX)) {
            throw new IllegalArgumentException("ModelCheckpoint needs a file name ending in '.keras' (the whole model) or '"
                    + Saving.WEIGHTS_SUFFIX + "' (with saveWeightsOnly(true)), got '" + filepath + "'");
        }
        this.filepath = filepath;
    }

    public ModelCheckpoint monitor(String monitor) {
        new Monitor("ModelCheckpoint", monitor, mode, 0); // validates
        this.monitorName = monitor;
        return this;
    }

    public ModelCheckpoint mode(String mode) {
        new Monitor("ModelCheckpoint", monitorName, mode, 0);
        this.mode = mode;
        return this;
    }

    public ModelCheckpoint saveBestOnly(boolean saveBestOnly) {
        this.saveBestOnly = saveBestOnly;
        return this;
    }

    public ModelCheckpoint saveWeightsOnly(boolean saveWeightsOnly) {
        this.saveWeightsOnly = saveWeightsOnly;
        return this;
    }

    /** The best monitored value seen so far, or null. */
    public Double best() {
        return best;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        checkSuffix();
        monitor = new Monitor("ModelCheckpoint", monitorName, mode, 0);
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (saveBestOnly) {
            Double current = monitor.value("ModelCheckpoint", logs);
            if (current == null || current.isNaN() || !monitor.isImprovement(current, best)) {
                return;
            }
            best = current;
        }
        Path path = Path.of(fileName(filepath, epoch + 1, logs));
        if (saveWeightsOnly) {
            model().saveWeights(path);
        } else {
            model().save(path);
        }
    }

    /** Fills Python-style placeholders: {@code {epoch}}, {@code {epoch:02d}}, {@code {val_loss:.4f}}. */
    static String fileName(String pattern, int epoch, Map<String, Double> logs) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            String spec = m.group(2);
            Object value;
            if (key.equals("epoch")) {
                value = epoch;
            } else if (logs.containsKey(key)) {
                value = logs.get(key);
            } else {
                throw new IllegalArgumentException("ModelCheckpoint file name '" + pattern + "' uses {" + key
                        + "}, which is not in the epoch's logs " + logs.keySet() + " (nor 'epoch')");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(format(value, spec, pattern)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String format(Object value, String spec, String pattern) {
        if (spec == null || spec.isEmpty()) {
            return value instanceof Integer ? value.toString() : String.valueOf(value);
        }
        Matcher s = Pattern.compile("(0?)(\\d*)(?:\\.(\\d+))?([dfe])").matcher(spec);
        if (!s.matches()) {
            throw new IllegalArgumentException("ModelCheckpoint file name '" + pattern + "': unsupported format '" + spec
                    + "'; use d, f or e with an optional width and precision, e.g. 02d or .4f");
        }
        String javaSpec = "%" + s.group(1) + s.group(2) + (s.group(3) != null ? "." + s.group(3) : "") + s.group(4);
        Object v = s.group(4).equals("d") ? (Object) Math.round(((Number) value).doubleValue()) : (Object) ((Number) value).doubleValue();
        return String.format(Locale.ROOT, javaSpec, v);
    }

    private void checkSuffix() {
        String expected = saveWeightsOnly ? Saving.WEIGHTS_SUFFIX : ".keras";
        if (!filepath.endsWith(expected)) {
            throw new IllegalArgumentException("ModelCheckpoint " + (saveWeightsOnly ? "with saveWeightsOnly " : "")
                    + "needs a file name ending in '" + expected + "', got '" + filepath + "'");
        }
    }
}
