package io.hyclus.container;

import io.hyclus.testkit.Python;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What h5py reads from a file: every attribute of the root, of every group and of every dataset, and every dataset,
 * as {@code path -> (dtype, shape, values)}. Attributes are {@code /group@name}, datasets {@code /group/name}. Numbers
 * are Python's repr of the value as a double, so a float32 compares exactly after widening.
 */
final class H5py {
    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np, h5py",
            "f = h5py.File(sys.argv[1], 'r')",
            "def emit(path, v):",
            "    a = np.asarray(v)",
            "    if a.dtype.kind == 'S':",
            "        vals = [x.decode('utf-8') for x in a.ravel()]",
            "    elif a.dtype.kind == 'f':",
            "        vals = ['NaN' if x != x else repr(float(x)) for x in a.ravel()]",
            "    else:",
            "        vals = [str(int(x)) for x in a.ravel()]",
            "    print(path + '\\t' + a.dtype.str + '\\t' + 'x'.join(str(d) for d in a.shape) + '\\t' + '\\x1f'.join(vals))",
            "def attrs(prefix, obj):",
            "    for k in obj.attrs:",
            "        emit(prefix + '@' + k, obj.attrs[k])",
            "attrs('/', f)",
            "for g in f:",
            "    attrs('/' + g, f[g])",
            "    for d in f[g]:",
            "        attrs('/' + g + '/' + d, f[g][d])",
            "        emit('/' + g + '/' + d, f[g][d][()])",
            "        ds = f[g][d]",
            "        print('#' + '/' + g + '/' + d + '\t' + str(ds.compression) + '\t' + str(ds.shuffle) + '\t' + str(ds.chunks))");

    record Entry(String dtype, String shape, List<String> values) {
        double[] doubles() {
            return values.stream().mapToDouble(Double::parseDouble).toArray();
        }

        long[] longs() {
            return values.stream().mapToLong(Long::parseLong).toArray();
        }
    }

    /** How h5py sees a dataset stored: compression filter ("gzip" or "None"), shuffle, chunk shape ("None" or a tuple). */
    record Storage(String compression, boolean shuffle, String chunks) {
    }

    private final Map<String, Entry> entries = new TreeMap<>();
    private final Map<String, Storage> storage = new TreeMap<>();

    private H5py(String output) {
        for (String line : output.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f[0].startsWith("#")) {
                storage.put(f[0].substring(1), new Storage(f[1], Boolean.parseBoolean(f[2]), f[3]));
                continue;
            }
            List<String> vals = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split("\u001f", -1));
            entries.put(f[0], new Entry(f[1], f[2], vals));
        }
    }

    static H5py read(Path file) {
        return new H5py(Python.run(SCRIPT, file.toString()));
    }

    /** Every path h5py saw, less jhdf's own {@code /@_jHDF} stamp. */
    java.util.Set<String> paths() {
        var s = new java.util.TreeSet<>(entries.keySet());
        s.remove("/@_jHDF");
        return s;
    }

    Storage storage(String datasetPath) {
        Storage s = storage.get(datasetPath);
        assertNotNull(s, "h5py did not see the dataset " + datasetPath + "; it saw " + storage.keySet());
        return s;
    }

    Entry get(String path) {
        Entry e = entries.get(path);
        assertNotNull(e, "h5py did not see " + path + "; it saw " + entries.keySet());
        return e;
    }

    void assertText(String path, String expected) {
        Entry e = get(path);
        assertTrue(e.dtype().startsWith("|S"), path + " dtype " + e.dtype());
        assertEquals(List.of(expected), e.values(), path);
    }

    void assertNumbers(String path, String dtype, String shape, double... expected) {
        Entry e = get(path);
        assertEquals(dtype + " " + shape, e.dtype() + " " + e.shape(), path);
        assertTrue(Arrays.equals(expected, e.doubles()), path + ": expected " + Arrays.toString(expected) + ", h5py read "
                + e.values());
    }

    void assertIntegers(String path, String dtype, String shape, long... expected) {
        Entry e = get(path);
        assertEquals(dtype + " " + shape, e.dtype() + " " + e.shape(), path);
        assertTrue(Arrays.equals(expected, e.longs()), path + ": expected " + Arrays.toString(expected) + ", h5py read "
                + e.values());
    }
}
