package io.github.keras4j.saving;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The datasets of an HDF5 weights file by normalized path ({@code layers/dense/vars/0}), read once with
 * jHDF. Normalization makes files written on Windows by tf.keras 2.15 readable: there the groups are named
 * {@code layers\dense} (one name holding a backslash) instead of nested {@code layers/dense}. Keras 2.13's
 * {@code _layer_checkpoint_dependencies} prefix is read as {@code layers}.
 */
final class H5Tree {
    private final Map<String, Dataset> datasets = new LinkedHashMap<>();
    private final Map<String, Group> groups = new LinkedHashMap<>();
    private final HdfFile file;

    H5Tree(HdfFile file) {
        this.file = file;
        groups.put("", file);
        walk(file, "");
    }

    /**
     * The value of attribute {@code name} of the group at {@code groupPath} ("" for the root) as strings: one
     * for a string attribute, one per element for an array of strings; null when absent.
     */
    List<String> stringAttribute(String groupPath, String name) {
        Group g = groups.get(groupPath);
        Attribute a = g == null ? null : g.getAttribute(name);
        if (a == null) {
            return null;
        }
        List<String> out = new ArrayList<>();
        if (a.isEmpty()) {
            return out; // Keras writes an empty array for layers without weights
        }
        Object data = a.getData();
        if (data != null && data.getClass().isArray() && java.lang.reflect.Array.getLength(data) == 0) {
            return out; // h5py writes an empty list as a float64 array of length 0 (tf.keras 2's weightless layers)
        }
        if (data instanceof String s) {
            out.add(s);
        } else if (data instanceof String[] array) {
            out.addAll(java.util.Arrays.asList(array));
        } else if (data instanceof byte[] bytes) {
            out.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } else {
            throw new IllegalArgumentException("the attribute '" + name + "' of " + (groupPath.isEmpty() ? "the root group" : groupPath)
                    + " should hold text but holds " + (data == null ? "nothing" : data.getClass().getSimpleName()));
        }
        return out;
    }

    /** The underlying file. */
    HdfFile file() {
        return file;
    }

    private void walk(Group group, String prefix) {
        for (Node node : group) {
            String path = normalize(prefix.isEmpty() ? node.getName() : prefix + "/" + node.getName());
            if (node instanceof Group g) {
                groups.put(path, g);
                walk(g, path);
            } else if (node instanceof Dataset d) {
                datasets.put(path, d);
            }
        }
    }

    static String normalize(String path) {
        String p = path.replace('\\', '/');
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.startsWith("_layer_checkpoint_dependencies/")) {
            p = "layers/" + p.substring("_layer_checkpoint_dependencies/".length());
        }
        return p;
    }

    boolean hasGroup(String path) {
        return groups.containsKey(path);
    }

    Group group(String path) {
        return groups.get(path);
    }

    Dataset dataset(String path) {
        return datasets.get(path);
    }

    /** The datasets directly under {@code groupPath}, keyed by name, numeric names in numeric order (0, 1, ..., 10). */
    Map<String, Dataset> datasetsIn(String groupPath) {
        String prefix = groupPath + "/";
        Map<String, Dataset> out = new TreeMap<>(Comparator.comparingLong(H5Tree::numericOrder).thenComparing(s -> s));
        for (Map.Entry<String, Dataset> e : datasets.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(prefix) && key.indexOf('/', prefix.length()) < 0) {
                out.put(key.substring(prefix.length()), e.getValue());
            }
        }
        return out;
    }

    /**
     * How many values the file's datasets hold in all, from their headers (no data is read): a model whose
     * layers need more cannot take its weights from this file.
     */
    long storedValues() {
        long total = 0;
        for (Dataset d : datasets.values()) {
            long size = d.getSize();
            total = size < 0 || total > Long.MAX_VALUE - size ? Long.MAX_VALUE : total + size;
        }
        return total;
    }

    /** All dataset paths, for messages and structure checks. */
    List<String> datasetPaths() {
        return new ArrayList<>(datasets.keySet());
    }

    private static long numericOrder(String name) {
        try {
            return Long.parseLong(name);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
