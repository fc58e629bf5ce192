package io.github.keras4j.utils;

import io.github.keras4j.backend.Threads;
import org.junit.jupiter.api.Test;

import java.util.Map;

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
}
