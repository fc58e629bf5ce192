package io.github.keras4j.saving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

/**
 * The message of a save that failed: which file, why, and that the file there is unchanged. A full disk is
 * named as such, with the folder whose disk it is, because the exceptions that report it say neither (jHDF's
 * is {@code HdfWritingException: Exception writing}, the JDK's {@code IOException: No space left on device}).
 */
final class SaveFailure {
    /** How operating systems word a full disk or an exhausted quota (Linux and macOS, Windows). */
    private static final String[] DISK_FULL = {"no space left on device", "disk quota exceeded", "not enough space on the disk"};

    private SaveFailure() {
    }

    static UncheckedIOException of(SaveTarget where, IOException e) {
        String reason = diskFull(e)
                ? "the disk that holds " + where.destination().getParent() + " is full (" + rootMessage(e)
                + "); free some space on it or save elsewhere"
                : e.getMessage();
        String file = where.requested() + (where.throughLink() ? " (a link to " + where.destination() + ")" : "");
        return new UncheckedIOException("Could not save " + file + ": " + reason + ". Any previous file there is unchanged.", e);
    }

    /** The first {@link IOException} in the cause chain of {@code e}, or null. */
    static IOException ioCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
            if (t instanceof UncheckedIOException u) {
                return u.getCause();
            }
        }
        return null;
    }

    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
            for (String words : DISK_FULL) {
                if (m.contains(words)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
