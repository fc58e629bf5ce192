package io.github.keras4j.data;

/**
 * A {@link Dataset} failed to deliver a batch: its {@code batch(index)} threw (the cause), or a source could not
 * read its file. The message names the dataset's role (training, validation) and the batch; the model keeps the
 * weights of its last complete step.
 */
public class DatasetException extends RuntimeException {
    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatasetException(String message) {
        super(message);
    }
}
