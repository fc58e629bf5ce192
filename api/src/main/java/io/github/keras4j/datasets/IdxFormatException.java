package io.github.keras4j.datasets;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset file that is not a complete, well-formed IDX file of the expected shape: truncated, corrupt,
 * with trailing bytes, or declaring sizes it does not hold. The message names the file and the problem.
 */
public final class IdxFormatException extends IOException {
    private final transient Path file;

    IdxFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    IdxFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that failed. */
    public Path file() {
        return file;
    }
}
