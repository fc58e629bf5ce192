package io.github.keras4j.examples.grid;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the {@link GridBackend} for a command-line name among those on the class path. */
public final class GridBackends {
    private GridBackends() {
    }

    /** The backend called {@code name}; fails saying which jar provides it when none on the class path does. */
    public static GridBackend find(String name) {
        return find(name, ServiceLoader.load(GridBackend.class, GridBackends.class.getClassLoader()));
    }

    /** The backend called {@code name} among {@code available}. */
    public static GridBackend find(String name, Iterable<GridBackend> available) {
        List<String> found = new ArrayList<>();
        for (GridBackend b : available) {
            if (b.name().equals(name)) {
                return b;
            }
            found.add(b.name());
        }
        throw new IllegalStateException("--" + name + " needs keras4j-" + name + " and " + capitalised(name)
                + " on the class path, and this class path has " + (found.isEmpty() ? "no grid backend" : "only: "
                + String.join(", ", found)) + ". Run the lessons with spark-submit and the keras4j-spark jar, see docs/spark.md.");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
