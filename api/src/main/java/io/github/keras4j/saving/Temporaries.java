package io.github.keras4j.saving;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The temporary files keras4j writes beside a file it saves or downloads, named so they are recognisably ours
 * and say which process wrote them: {@code .<name>.keras4j-<pid>-<8 hex digits><suffix>}, e.g.
 * {@code .mnist.keras.keras4j-4711-0c3fa2d9.tmp} for a save ({@value #SUFFIX}) and
 * {@code .t10k-images-idx3-ubyte.gz.keras4j-4711-0c3fa2d9.part} for a download. Used by keras4j itself
 * (saving, datasets), not meant for applications.
 *
 * <p>Why: a save killed between creating its temporary file and moving it into place (a {@code kill -9}, a
 * power cut) leaves the temporary behind, and repeated crashes pile them up. Before each save keras4j removes
 * the stale ones in the target's folder: those whose process is no longer running on this machine, and this
 * process' own that no save is writing. A temporary of a running save (in this or another process) is never
 * touched. On a folder shared between machines a temporary of another machine's save is judged by a process
 * id of this machine; if it is removed, that save fails and leaves its previous file intact.
 */
public final class Temporaries {
    private static final Logger LOG = LoggerFactory.getLogger(Temporaries.class);
    /** The part of a temporary's name that marks it as keras4j's: {@value}. */
    static final String MARKER = ".keras4j-";
    /** The ending of a save's temporary file: {@value}. */
    public static final String SUFFIX = ".tmp";
    private static final Pattern NAME = Pattern.compile("^\\..*" + Pattern.quote(MARKER) + "(\\d+)-[0-9a-f]{8}\\.(tmp|part)$");
    private static final long PID = ProcessHandle.current().pid();
    /** The temporaries saves in this process are writing now. */
    private static final Set<Path> ACTIVE = ConcurrentHashMap.newKeySet();

    private Temporaries() {
    }

    /**
     * Creates a new, empty temporary file for {@code name} in {@code folder}, with the permissions a new file
     * gets there (the umask's), and marks it as being written until {@link #release}.
     */
    static Path create(Path folder, String name) throws IOException {
        return create(folder, name, SUFFIX);
    }

    /** As {@link #create(Path, String)} with the ending {@code suffix} ({@code .tmp} or {@code .part}). */
    public static Path create(Path folder, String name, String suffix) throws IOException {
        while (true) {
            Path candidate = folder.resolve(nameFor(name, ThreadLocalRandom.current().nextInt(), suffix));
            ACTIVE.add(candidate);
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                ACTIVE.remove(candidate); // another save drew the same name: draw again
            } catch (IOException | RuntimeException e) {
                ACTIVE.remove(candidate);
                throw e;
            }
        }
    }

    /** The name of this process' temporary for {@code name} with the random part {@code random}. */
    static String nameFor(String name, int random, String suffix) {
        return "." + name + MARKER + PID + "-" + String.format("%08x", random) + suffix;
    }

    /** Deletes {@code temporary} if it still exists and forgets it. */
    public static void release(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            LOG.debug("Could not delete the temporary file {}; the next save to its folder removes it", temporary, e);
        } finally {
            ACTIVE.remove(temporary);
        }
    }

    /** The temporary {@code temporary} was moved into place: it no longer exists under its own name. */
    static void moved(Path temporary) {
        ACTIVE.remove(temporary);
    }

    /**
     * Removes the stale temporaries of keras4j in {@code folder} (see the class description) and returns them.
     * Best effort: a file that cannot be listed or deleted is left for the next save.
     */
    public static List<Path> removeStale(Path folder) {
        List<Path> removed = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "." + "*" + MARKER + "*.{tmp,part}")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && isStale(file, m.group(1)) && Files.deleteIfExists(file)) {
                    removed.add(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("Could not look for stale temporary files in {}", folder, e);
        }
        if (!removed.isEmpty()) {
            LOG.info("Removed {} temporary file(s) that interrupted saves or downloads left in {}: {}", removed.size(), folder,
                    removed.stream().map(p -> p.getFileName().toString()).toList());
        }
        return removed;
    }

    private static boolean isStale(Path file, String pidText) {
        long pid;
        try {
            pid = Long.parseLong(pidText);
        } catch (NumberFormatException e) {
            return false; // not a name we write
        }
        if (pid == PID) {
            return !ACTIVE.contains(file);
        }
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    }
}
