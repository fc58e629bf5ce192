package io.github.keras4j.utils;

import io.github.keras4j.backend.Threads;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentReportTest {
    @Test
    void reportsLoadedBinariesAndThreadPolicy() {
        Map<String, String> report = EnvironmentReport.entries();
        assertTrue(report.get("libnd4j library").contains("libnd4jcpu"), report.get("libnd4j library"));
        assertTrue(report.get("openblas library").contains("libopenblas"), report.get("openblas library"));
        assertTrue(report.get("libnd4j build").matches("(generic x86-64|AVX2|AVX-512) \\(this CPU supports .*\\)"),
                report.get("libnd4j build"));
        assertTrue(report.get("blas threads").startsWith(Threads.blasThreads() + " "), report.get("blas threads"));
        assertEquals(String.valueOf(Threads.ND4J_THREADS), report.get("libnd4j threads"));
        assertTrue(EnvironmentReport.describe().startsWith("keras4j environment\n  java: "));
    }

    /**
     * keras4j declares a newer OpenBLAS than the 0.3.19 ND4J M2.1 brings, because 0.3.19 does not recognise
     * AMD Zen 4 and runs its matrix products on slower kernels there. If dependency resolution ever picks
     * ND4J's version again, this fails.
     */
    @Test
    void theOpenBlasOnTheClassPathIsTheOneKeras4jDeclares() {
        String version = EnvironmentReport.entries().get("openblas version");
        Matcher m = Pattern.compile("OpenBLAS (\\d+)\\.(\\d+)\\.(\\d+)").matcher(version);
        assertTrue(m.matches(), version);
        long release = Long.parseLong(m.group(1)) * 1_000_000 + Long.parseLong(m.group(2)) * 1_000 + Long.parseLong(m.group(3));
        assertTrue(release >= 3_026, "expected OpenBLAS 0.3.26 or later, found " + version);
    }
}
