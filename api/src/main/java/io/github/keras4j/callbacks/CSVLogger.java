package io.github.keras4j.callbacks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Streams each epoch's logs to a CSV file (Keras' {@code CSVLogger}), in Keras' layout: a header
 * {@code epoch} followed by the log keys sorted by name (e.g. {@code epoch,acc,loss,val_acc,val_loss}),
 * one row per epoch numbered from 0, values written as Python writes floats, rows ended by {@code \r\n}
 * as Python's csv module ends them. Keys missing from a row are written {@code NA}.
 *
 * <p>With {@code append} the rows are added to an existing file and the header is written only if the
 * file is empty; otherwise the file is overwritten at the start of fit.
 */
public class CSVLogger extends Callback {
    /** Keras' default separator. */
    public static final String DEFAULT_SEPARATOR = ",";
    private static final String LINE_END = "\r\n";

    private final Path file;
    private final String separator;
    private final boolean append;
    private BufferedWriter writer;
    private List<String> keys;
    private boolean writeHeader;

    public CSVLogger(Path file) {
        this(file, DEFAULT_SEPARATOR, false);
    }

    public CSVLogger(String file) {
        this(Path.of(file));
    }

    public CSVLogger(Path file, String separator, boolean append) {
        this.file = Objects.requireNonNull(file, "file");
        if (separator == null || separator.isEmpty()) {
            throw new IllegalArgumentException("CSVLogger separator must be a non-empty string such as \",\", got '" + separator + "'");
        }
        this.separator = separator;
        this.append = append;
    }

    public Path file() {
        return file;
    }

    @Override
    public void onTrainBegin(Map<String, Double> logs) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            writeHeader = !append || !Files.exists(file) || Files.size(file) == 0;
            writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
            keys = null;
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot open " + file.toAbsolutePath() + " for writing: " + e.getMessage(), e);
        }
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        if (writer == null) {
            return;
        }
        if (keys == null) {
            keys = new ArrayList<>(new TreeSet<>(logs.keySet()));
        }
        try {
            if (writeHeader) {
                writer.write("epoch" + (keys.isEmpty() ? "" : separator + String.join(separator, keys)) + LINE_END);
                writeHeader = false;
            }
            StringBuilder row = new StringBuilder().append(epoch);
            for (String k : keys) {
                Double v = logs.get(k);
                row.append(separator).append(v == null ? "NA" : pythonFloat(v));
            }
            writer.write(row + LINE_END);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("CSVLogger cannot write to " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void onTrainEnd(Map<String, Double> logs) {
        if (writer != null) {
            try {
                writer.close();
            } catch (IOException e) {
                throw new UncheckedIOException("CSVLogger cannot close " + file.toAbsolutePath() + ": " + e.getMessage(), e);
            } finally {
                writer = null;
            }
        }
    }

    /** Python's {@code str(float)}: plain notation from 1e-4 to below 1e16, else {@code 1.5e-05}; {@code nan}, {@code inf}. */
    static String pythonFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0.0" : "0.0";
        }
        BigDecimal d = new BigDecimal(Double.toString(v)).stripTrailingZeros();
        double magnitude = Math.abs(v);
        if (magnitude >= 1e-4 && magnitude < 1e16) {
            String plain = d.toPlainString();
            return plain.contains(".") ? plain : plain + ".0";
        }
        String digits = d.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - d.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (v < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }
}
