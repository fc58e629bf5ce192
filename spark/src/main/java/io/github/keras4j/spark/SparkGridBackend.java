package io.github.keras4j.spark;

import io.github.keras4j.examples.grid.Grid;
import io.github.keras4j.examples.grid.GridBackend;

/** {@code --spark MASTER} for the examples' command line: a {@link SparkGridConnection} to that master. */
public final class SparkGridBackend implements GridBackend {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Grid connect(String master, String applicationName) {
        return SparkGridConnection.open(master, applicationName);
    }
}
