package io.github.keras4j.examples.grid;

/**
 * A kind of cluster that can run a lesson's grid, found with {@link java.util.ServiceLoader}: a module that
 * provides one lists its class in {@code META-INF/services/io.github.keras4j.examples.grid.GridBackend}
 * ({@code keras4j-spark} does, for {@code --spark}). Keeping the cluster behind this interface means the
 * examples jar loads no cluster library unless a grid is asked for.
 */
public interface GridBackend {
    /** The command-line name of this kind of cluster: {@code spark} for {@code --spark}. */
    String name();

    /**
     * Connects to the cluster at {@code master} (for Spark: {@code local[2]}, {@code spark://host:7077},
     * {@code yarn}). Fails within seconds, with a message naming {@code master}, when it cannot be reached.
     */
    Grid connect(String master, String applicationName);
}
