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
 * Writes a file all or nothing: the content goes to a temporary file in the same folder ({@link Temporaries}),
 * is flushed to the disk, and only then replaces the target with an atomic move (a plain replacing move where
 * the file system has no atomic one). A crash, a full disk or an exception mid-save leaves the previous file
 * intact and removes the temporary file; temporaries that a killed process left behind are removed by the next
 * save to that folder.
 *
 * <p>The target is resolved first ({@link SaveTarget}): a symbolic link is written through (the file it points
 * to is replaced, atomically, by a temporary beside that file, and the link stays), and a path that exists but
 * is not a regular file (a folder, a device such as {@code /dev/null}, a FIFO) is refused with an
 * {@link IllegalArgumentException}. A file that replaces another keeps the old one's permissions; a new file
 * gets the permissions the umask gives new files.
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
     * Writes {@code target} through {@code content}. I/O failures (a full disk included) surface as
     * {@link UncheckedIOException} naming the target, the reason and that the target still holds its previous
     * content (or does not exist).
     *
     * @throws IllegalArgumentException if {@code target} exists and is not a regular file or a link to one
     */
    public void write(Path target, Content content) {
        SaveTarget where = resolve(target);
        Path folder = where.destination().getParent();
        Path temporary = null;
        try {
            if (folder != null && !Files.isDirectory(folder)) {
                throw new IOException("the folder " + folder + " does not exist; create it first");
            }
            Temporaries.removeStale(folder);
            temporary = Temporaries.create(folder, where.destination().getFileName().toString());
            content.writeTo(temporary);
            if (where.permissions() != null) {
                Files.setPosixFilePermissions(temporary, where.permissions());
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            beforeMove.run(temporary, where.destination());
            try {
                Files.move(temporary, where.destination(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, where.destination(), StandardCopyOption.REPLACE_EXISTING);
            }
            Temporaries.moved(temporary);
            temporary = null;
        } catch (IOException e) {
            throw SaveFailure.of(where, e);
        } catch (RuntimeException e) {
            IOException io = SaveFailure.ioCause(e);
            if (io == null) {
                throw e;
            }
            throw SaveFailure.of(where, io); // a writer library's wrapper around an I/O failure
        } finally {
            if (temporary != null) {
                Temporaries.release(temporary);
            }
        }
    }

    private static SaveTarget resolve(Path target) {
        try {
            return SaveTarget.of(target);
        } catch (SaveTarget.NotARegularFile e) {
            throw new IllegalArgumentException("Cannot save to " + target.toAbsolutePath() + ": " + e.getMessage()
                    + ". Nothing was written; save to a file path instead.", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + target.toAbsolutePath() + ": " + e.getMessage()
                    + ". Nothing was written.", e);
        }
    }
}
