package io.github.keras4j.saving;

/**
 * A model file or model JSON that keras4j cannot load: unreadable, corrupt, truncated, or using a layer or
 * option keras4j does not support. The message names the source and says what is wrong; nothing of a
 * partly loaded model is returned.
 */
public class ModelFileException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String source;

    /** @param source what was being read, e.g. {@code file 'model.keras'} */
    public ModelFileException(String source, String problem) {
        super("Cannot load " + source + ": " + problem);
        this.source = source;
    }

    public ModelFileException(String source, String problem, Throwable cause) {
        super("Cannot load " + source + ": " + problem, cause);
        this.source = source;
    }

    /** What was being read, e.g. {@code file 'model.keras'} or {@code model JSON}. */
    public String source() {
        return source;
    }
}
