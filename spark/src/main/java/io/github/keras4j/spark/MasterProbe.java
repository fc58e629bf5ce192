package io.github.keras4j.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a standalone Spark master ({@code spark://host:port}, or several separated by commas for a
 * master with standbys) accepts connections before a Spark context is made. Spark itself retries the
 * registration for about a minute before it gives up; this answers within seconds.
 */
final class MasterProbe {
    /** How long one master may take to accept a connection. */
    static final int TIMEOUT_MILLIS = 3000;

    private static final String STANDALONE = "spark://";

    private MasterProbe() {
    }

    /** Nothing for {@code local[..]}, {@code yarn} and other masters; for {@code spark://} one must answer. */
    static void check(String master) {
        if (!master.startsWith(STANDALONE)) {
            return;
        }
        List<String> failures = new ArrayList<>();
        for (String hostPort : master.substring(STANDALONE.length()).split(",")) {
            URI uri = URI.create(STANDALONE + hostPort.trim());
            if (uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException("Spark master '" + master + "': '" + hostPort
                        + "' is not host:port; write it as spark://host:7077");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
                return;
            } catch (IOException e) {
                failures.add(uri.getHost() + ":" + uri.getPort() + " (" + e.getMessage() + ")");
            }
        }
        throw new IllegalStateException("Spark master " + master + " is unreachable: " + String.join(", ", failures)
                + ", within " + TIMEOUT_MILLIS + " ms. Start the master (its log prints 'Starting Spark master at spark://...')"
                + " or fix the host and port.");
    }
}
