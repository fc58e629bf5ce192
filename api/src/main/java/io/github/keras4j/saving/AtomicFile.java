package io.github.keras4j.saving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * Writes a file all or nothing: the content goes to a temporary file in the same folder, is flushed to the
 * disk, and only then replaces the target with an atomic move (a plain replacing move where the file system
 * has no atomic one). A crash, a full disk or an exception mid-save leaves the previous file intact and
 * removes the temporary file.
 */
public final class AtomicFile {
    /** Writes the content of a file to {@code path}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Path path) throws IOException;
    }

    /** Called after the temporary file is complete and before it is moved into place; tests inject failures here. */
    @FunctionalInterface
    public interface BeforeMove {
        void run(Path temporary, Path target) throws IOException;
    }

    /** Saves the usual way, with nothing between writing and moving. */
    public static final AtomicFile DEFAULT = new AtomicFile((temporary, target) -> { });

    private final BeforeMove beforeMove;

    public AtomicFile(BeforeMove beforeMove) {
        this.beforeMove = Objects.requireNonNull(beforeMove, "beforeMove");
    }

    /**
     * Writes {@code target} through {@code content}. I/O failures surface as {@link UncheckedIOException}
     * naming the target; the target then still holds its previous content (or does not exist).
     */
    public void write(Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            if (folder != null && !Files.isDirectory(folder)) {
                throw new IOException("the folder " + folder + " does not exist; create it first");
            }
            temporary = Files.createTempFile(folder, "." + absolute.getFileName(), ".tmp");
            content.writeTo(temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            beforeMove.run(temporary, absolute);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + absolute + ": " + e.getMessage()
                    + ". Any previous file there is unchanged.", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // The save already failed; the message above is the one that matters.
                }
            }
        }
    }
}
