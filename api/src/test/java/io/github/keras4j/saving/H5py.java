package io.github.keras4j.saving;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * h5py, the reader independent of keras4j that tests check written files with (Debian's python3-h5py, which
 * {@code .ci/run} installs). Without it a test fails when {@code CI=true} and otherwise says on stderr and in its
 * skip reason that the check did not run.
 */
final class H5py {
    private H5py() {
    }

    /** A Python interpreter that imports h5py. */
    static String python() throws Exception {
        for (String candidate : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(candidate, "-c", "import h5py").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (IOException missing) {
                // try the next interpreter
            }
        }
        String why = "Python module h5py not available (install Debian's python3-h5py): the h5py checks of written files did not run";
        if ("true".equals(System.getenv("CI"))) {
            fail(why);
        }
        System.err.println("WARNING: " + why);
        assumeTrue(false, why);
        return null;
    }

    /** Runs {@code command} and returns its output, failing on a non-zero exit. */
    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "h5py timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
