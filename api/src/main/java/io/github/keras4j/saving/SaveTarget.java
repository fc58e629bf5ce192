package io.github.keras4j.saving;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * Where a save really writes: the path itself, or, when the path is a symbolic link, the file the link
 * points to (as Keras, which opens the path for writing, writes through links). Whatever exists there
 * must be a regular file: a save replaces its target by renaming a new file over it, which would turn a
 * device such as {@code /dev/null}, a FIFO or a socket into a regular file, and would not write a
 * folder; such paths are refused before anything is written.
 *
 * @param requested   the path the caller gave, absolute
 * @param destination the regular file (existing or not) that the save replaces, absolute
 * @param permissions the existing file's permissions, to give the new one; null when there is no file yet
 *                    or the file system has no POSIX permissions (the new file then has the umask's)
 */
record SaveTarget(Path requested, Path destination, Set<PosixFilePermission> permissions) {
    /** Symbolic links followed before giving up (Linux' own limit is 40): {@value}. */
    static final int MAX_LINKS = 40;

    /** A file at {@code requested} that exists and is not a regular file: what it is, for the message. */
    static final class NotARegularFile extends IOException {
        NotARegularFile(String message) {
            super(message);
        }
    }

    static SaveTarget of(Path requested) throws IOException {
        Path absolute = requested.toAbsolutePath();
        Path path = absolute;
        for (int hops = 0; Files.isSymbolicLink(path); hops++) {
            if (hops == MAX_LINKS) {
                throw new IOException("it is a symbolic link that leads through more than " + MAX_LINKS
                        + " links (a loop?)");
            }
            Path link = Files.readSymbolicLink(path);
            path = path.resolveSibling(link); // a relative link is relative to the link's folder
        }
        if (!path.equals(absolute) && path.getParent() != null && Files.isDirectory(path.getParent())) {
            path = path.getParent().toRealPath().resolve(path.getFileName()); // links/../models/m.keras -> /data/models/m.keras
        }
        Set<PosixFilePermission> permissions = null;
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new NotARegularFile((path.equals(absolute) ? "it is " : "it is a symbolic link to " + path + ", which is ")
                        + kind(path, attributes) + ", not a regular file; a save would replace it with a regular file");
            }
            try {
                permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            } catch (UnsupportedOperationException notPosix) {
                permissions = null;
            }
        }
        return new SaveTarget(absolute, path, permissions);
    }

    /** True when the save writes somewhere else than the path given (through a symbolic link). */
    boolean throughLink() {
        return !requested.equals(destination);
    }

    private static String kind(Path path, BasicFileAttributes attributes) {
        if (attributes.isDirectory()) {
            return "a folder";
        }
        try {
            int type = ((Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000; // S_IFMT
            switch (type) {
                case 0020000: return "a character device";
                case 0060000: return "a block device";
                case 0010000: return "a FIFO (named pipe)";
                case 0140000: return "a socket";
                default: break;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            // no unix view on this platform: say what is certain
        }
        return "a special file (a device, FIFO or socket)";
    }
}
