package io.github.keras4j.data;

import io.github.keras4j.backend.NativeMemory;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of a CSV file of numbers streamed a batch at a time: one column holds the label, the others the features.
 * Batch {@code i} holds data rows {@code [i * batchSize, (i + 1) * batchSize)}: {@code x} of shape
 * {@code (batch, features)} as float32, {@code y} of shape {@code (batch,)}. Making the source reads the file once to
 * count its rows and note where each batch starts (a few bytes per batch); a batch is then read from its offset, so
 * any batch can be read in any order. Blank lines are skipped; a value that is not a number, or a row with another
 * number of columns, fails with the file, line and column.
 */
public final class CsvSource implements Dataset {
    private final Path file;
    private final int labelColumn;
    private final int columns;
    private final int batchSize;
    private final int rows;
    private final long[] offsets;
    private final int[] lines;
    private FileChannel channel;

    private CsvSource(Path file, int labelColumn, int columns, int batchSize, int rows, long[] offsets, int[] lines) {
        this.file = file;
        this.labelColumn = labelColumn;
        this.columns = columns;
        this.batchSize = batchSize;
        this.rows = rows;
        this.offsets = offsets;
        this.lines = lines;
    }

    /** A file whose first line names the columns; {@code labelColumn} names the label's, e.g. {@code "label"}. */
    public static CsvSource of(Path file, String labelColumn, int batchSize) {
        List<String> header = Arrays.asList(firstLine(file).split(",", -1));
        int index = header.indexOf(labelColumn);
        if (index < 0) {
            throw new IllegalArgumentException(file + " has no column named '" + labelColumn + "'; its header names " + header.size()
                    + " columns: " + preview(header) + ". Name the label column as the header does, or give its index.");
        }
        return scan(file, index, header.size(), batchSize, true);
    }

    /** A file without a header line when {@code header} is false; the label is column {@code labelColumn} (from 0). */
    public static CsvSource of(Path file, int labelColumn, boolean header, int batchSize) {
        int columns = firstLine(file).split(",", -1).length;
        if (labelColumn < 0 || labelColumn >= columns) {
            throw new IllegalArgumentException("labelColumn " + labelColumn + " is outside the " + columns + " columns of " + file
                    + " (numbered from 0).");
        }
        return scan(file, labelColumn, columns, batchSize, header);
    }

    private static CsvSource scan(Path file, int labelColumn, int columns, int batchSize, boolean header) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("CsvSource: batchSize must be >= 1, got " + batchSize);
        }
        long[] offsets = new long[16];
        int[] lines = new int[16];
        int rows = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            long position = 0, lineStart = 0;
            int line = 1;
            boolean content = false;
            boolean skip = header;
            for (int read = in.read(chunk); ; read = in.read(chunk)) {
                int end = Math.max(read, 0);
                for (int k = 0; k <= end; k++) {
                    boolean last = read < 0 && k == end;
                    if (k == end && !last) {
                        break;
                    }
                    int c = last ? -1 : chunk[k];
                    if (c == '\n' || c < 0) {
                        if (content && !skip) {
                            if (rows % batchSize == 0) {
                                int b = rows / batchSize;
                                if (b == offsets.length) {
                                    offsets = Arrays.copyOf(offsets, b * 2);
                                    lines = Arrays.copyOf(lines, b * 2);
                                }
                                offsets[b] = lineStart;
                                lines[b] = line;
                            }
                            rows++;
                        }
                        skip = skip && !content;
                        content = false;
                        line++;
                        lineStart = position + 1;
                    } else if (c != '\r' && c != ' ' && c != '\t') {
                        content = true;
                    }
                    position++;
                }
                if (read < 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV file " + file + ": " + e.getMessage(), e);
        }
        if (rows == 0) {
            throw new IllegalArgumentException(file + " holds no data rows" + (header ? " after its header" : "") + ".");
        }
        int batches = (rows + batchSize - 1) / batchSize;
        return new CsvSource(file, labelColumn, columns, batchSize, rows, Arrays.copyOf(offsets, batches), Arrays.copyOf(lines, batches));
    }

    /** The number of data rows. */
    public int samples() {
        return rows;
    }

    @Override
    public int numBatches() {
        return offsets.length;
    }

    @Override
    public synchronized Batch batch(int index) {
        if (index < 0 || index >= offsets.length) {
            throw new IndexOutOfBoundsException("batch " + index + " of a CsvSource of " + offsets.length + " batches");
        }
        int count = Math.min(batchSize, rows - index * batchSize);
        int features = columns - 1;
        float[] x = new float[count * features];
        float[] y = new float[count];
        try {
            if (channel == null) {
                channel = FileChannel.open(file, StandardOpenOption.READ);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(channel.position(offsets[index])),
                    StandardCharsets.UTF_8), 1 << 16);
            int line = lines[index];
            for (int r = 0; r < count; line++) {
                String text = reader.readLine();
                if (text == null) {
                    throw new IllegalArgumentException(file + " changed since it was opened: it ends at line " + line + ".");
                }
                if (text.isBlank()) {
                    continue;
                }
                parseRow(text, line, x, r * features, y, r);
                r++;
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException("Cannot read the CSV file " + file + ": " + e.getMessage(), e);
        }
        INDArray xs = NativeMemory.create(DataType.FLOAT, count, features);
        NativeMemory.writeFloats(x, xs, 0, x.length);
        INDArray ys = NativeMemory.create(DataType.FLOAT, count);
        NativeMemory.writeFloats(y, ys, 0, count);
        return new Batch(xs, ys);
    }

    /** One row's values into {@code x} from {@code offset} (the label into {@code y[row]}), with the line for errors. */
    private void parseRow(String text, int line, float[] x, int offset, float[] y, int row) {
        int column = 0, start = 0, n = text.length();
        while (true) {
            int end = text.indexOf(',', start);
            if (end < 0) {
                end = n;
            }
            if (column >= columns) {
                throw columnCount(line, text);
            }
            float v = parse(text, start, end, line, column);
            if (column == labelColumn) {
                y[row] = v;
            } else {
                x[offset + (column < labelColumn ? column : column - 1)] = v;
            }
            column++;
            if (end == n) {
                break;
            }
            start = end + 1;
        }
        if (column != columns) {
            throw columnCount(line, text);
        }
    }

    private IllegalArgumentException columnCount(int line, String text) {
        return new IllegalArgumentException(file + " line " + line + " has " + text.split(",", -1).length + " columns but the first line has "
                + columns + ": every row needs one value per column.");
    }

    /** A number from {@code text[start, end)}: whole numbers and plain decimals directly, anything else by Float.parseFloat. */
    private float parse(String text, int start, int end, int line, int column) {
        while (start < end && text.charAt(start) == ' ') {
            start++;
        }
        while (end > start && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        int i = start;
        boolean negative = i < end && text.charAt(i) == '-';
        if (negative) {
            i++;
        }
        long whole = 0;
        int digits = 0;
        while (i < end && text.charAt(i) >= '0' && text.charAt(i) <= '9' && digits < 15) {
            whole = whole * 10 + (text.charAt(i++) - '0');
            digits++;
        }
        if (i == end && digits > 0) {
            return negative ? -whole : whole; // the common case: pixel values, class indices
        }
        String value = text.substring(start, end);
        try {
            return Float.parseFloat(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(file + " line " + line + ", column " + (column + 1) + ": '" + value + "' is not a number."
                    + " A CsvSource reads numbers only; encode text columns as numbers first.");
        }
    }

    /** Closes the file; the next batch opens it again. */
    @Override
    public synchronized void release() {
        close();
    }

    private void close() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closing a file only read from loses nothing
        } finally {
            channel = null;
        }
    }

    private static String firstLine(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = reader.readLine();
            if (line == null) {
                throw new IllegalArgumentException(file + " is empty: a CSV source needs a header line or data rows.");
            }
            return line.strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV file " + file + ": " + (e instanceof java.nio.file.NoSuchFileException
                    ? "there is no such file." : e.getMessage()), e);
        }
    }

    private static String preview(List<String> header) {
        return header.size() <= 6 ? String.join(", ", header)
                : String.join(", ", header.subList(0, 5)) + ", ..., " + header.get(header.size() - 1);
    }

    @Override
    public String toString() {
        return "CsvSource[" + file + ", " + rows + " rows, batchSize " + batchSize + "]";
    }
}
