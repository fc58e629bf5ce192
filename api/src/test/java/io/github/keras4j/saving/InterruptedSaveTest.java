package io.github.keras4j.saving;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Saves that a killed process left unfinished: their temporary files are recognisably keras4j's, the previous
 * file is intact, and the next save to the folder removes them, never a temporary a running save is writing.
 */
class InterruptedSaveTest {
    /** No process has this id: Linux' largest is 4,194,304 (2^22). */
    private static final long DEAD_PID = 999_999_999L;

    @TempDir
    Path dir;

    @Test
    void staleTemporariesOfDeadProcessesAreRemovedByTheNextSave() throws IOException {
        Path dead = Files.write(dir.resolve(".model.keras.keras4j-" + DEAD_PID + "-0badf00d.tmp"), new byte[1000]);
        Path deadWeights = Files.write(dir.resolve(".model.weights.h5.keras4j-" + DEAD_PID + "-00c0ffee.tmp"), new byte[10]);
        Path ownLeftover = Files.write(dir.resolve(Temporaries.nameFor("other.keras", 0x12345678, Temporaries.SUFFIX)), new byte[10]);
        long live = ProcessHandle.current().parent().orElseThrow().pid();
        Path running = Files.write(dir.resolve(".model.keras.keras4j-" + live + "-0000beef.tmp"), new byte[10]);
        Path usersOwn = Files.write(dir.resolve(".model.keras.tmp"), new byte[10]);
        Path unrelated = Files.write(dir.resolve("notes.keras4j-1-00000000.tmp"), new byte[10]);

        Saving.saveModel(SaveTargetTest.model(1), dir.resolve("model.keras"));

        assertFalse(Files.exists(dead), "a dead process' temporary is removed");
        assertFalse(Files.exists(deadWeights));
        assertFalse(Files.exists(ownLeftover), "this process' temporary that no save is writing is removed");
        assertTrue(Files.exists(running), "a running process' temporary is kept");
        assertTrue(Files.exists(usersOwn), "files not named as ours are kept");
        assertTrue(Files.exists(unrelated));
        assertEquals(List.of(running), SaveTargetTest.keras4jTemporaries(dir));
    }

    @Test
    void aSaveInProgressInThisProcessKeepsItsTemporary() throws IOException {
        Path file = dir.resolve("a.keras");
        AtomicFile saveAnotherFileMidway = new AtomicFile((temporary, target) -> {
            Saving.saveModel(SaveTargetTest.model(2), dir.resolve("b.keras")); // cleans the folder while a.keras is being saved
            assertTrue(Files.exists(temporary), "the running save's temporary survives another save's clean-up");
        });
        Saving.saveModel(SaveTargetTest.model(1), file, saveAnotherFileMidway);
        assertEquals(List.of(dir.resolve("a.keras"), dir.resolve("b.keras")), SaveTargetTest.listing(dir));
    }

    @Test
    void kill9DuringASaveLeavesThePreviousFileAndTheNextSaveCleansUp() throws Exception {
        Path file = dir.resolve("model.keras");
        List<Path> left = List.of();
        for (int attempt = 0; attempt < 5 && left.isEmpty(); attempt++) {
            left = killMidSave();
        }
        assertFalse(left.isEmpty(), "in 5 attempts the kill never landed during a save");
        for (Path temporary : left) {
            assertTrue(temporary.getFileName().toString().matches("\\.(model\\.keras|model\\.weights\\.h5)\\.keras4j-\\d+-[0-9a-f]{8}\\.tmp"),
                    "recognisably named: " + temporary);
        }
        assertEquals(2, Saving.loadModel(file).layers().size(), "the last completed save is intact and loads");

        Saving.saveModel(SaveTargetTest.model(3), dir.resolve("other.keras"));

        assertEquals(List.of(file, dir.resolve("other.keras")), SaveTargetTest.listing(dir), "the killed save's temporaries are gone");
    }

    /** Starts {@link SaveLoop}, kills it with SIGKILL as soon as a save is under way, and returns the temporaries left. */
    private List<Path> killMidSave() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(java, "-cp", classpath, SaveLoop.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try {
            child.getOutputStream().close();
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.equals("saved")) {
                // JVM and ND4J start-up output
            }
            assertEquals("saved", line, "the child process never completed a save");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (SaveTargetTest.keras4jTemporaries(dir).isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the killed process did not end");
        } finally {
            child.destroyForcibly();
        }
        return SaveTargetTest.keras4jTemporaries(dir);
    }
}
