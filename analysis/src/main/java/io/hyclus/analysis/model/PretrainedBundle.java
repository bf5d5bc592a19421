package io.hyclus.analysis.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Pretrained registry versions shipped on the class path under a root folder: {@code <root>/index.txt} lists, one a
 * line, every file to copy as {@code <name>/v<N>/<file>} ({@code #} comments and blank lines ignored), and each file
 * lies at {@code <root>/<name>/v<N>/<file>}. A version folder is copied as it is in a registry (model.json plus its
 * weights files), so it is checked by the same code as any other version.
 */
final class PretrainedBundle {
    private static final Pattern LINE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}/v[1-9][0-9]{0,8}/[A-Za-z0-9._-]+");

    private final ClassLoader loader;
    private final String root;
    /** {@code <name>/v<N>} to its file names, in index order. */
    private final Map<String, List<String>> files;

    private PretrainedBundle(ClassLoader loader, String root, Map<String, List<String>> files) {
        this.loader = loader;
        this.root = root;
        this.files = files;
    }

    /** The bundle under {@code root}; empty when there is no index. */
    static PretrainedBundle read(ClassLoader loader, String root) {
        Map<String, List<String>> files = new LinkedHashMap<>();
        URL index = loader.getResource(root + "/index.txt");
        if (index == null) {
            return new PretrainedBundle(loader, root, files);
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(index.openStream(), StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                if (!LINE.matcher(t).matches()) {
                    throw new ModelException(index + " line " + n + ": '" + t + "' is not <name>/v<N>/<file>");
                }
                int cut = t.lastIndexOf('/');
                files.computeIfAbsent(t.substring(0, cut), k -> new ArrayList<>()).add(t.substring(cut + 1));
            }
        } catch (IOException e) {
            throw new ModelException("cannot read the pretrained model index " + index + ": " + e.getMessage(), e);
        }
        return new PretrainedBundle(loader, root, files);
    }

    /** The bundled versions, {@code <name>/v<N>}, in index order. */
    List<String> versions() {
        return List.copyOf(files.keySet());
    }

    /** Copies one bundled version into a new temporary folder under {@code parent}, which the caller deletes. */
    Path copy(String version, Path parent) {
        Path tmp;
        try {
            tmp = RegistryFiles.tempDirectory(parent, ".tmp-bundle-");
        } catch (IOException e) {
            throw new ModelException("cannot create a temporary folder in " + parent + ": " + e.getMessage(), e);
        }
        for (String f : files.get(version)) {
            String resource = root + "/" + version + "/" + f;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    RegistryFiles.deleteTree(tmp);
                    throw new ModelException("pretrained model file " + resource + " is listed in " + root
                            + "/index.txt but missing from the class path");
                }
                Files.copy(in, tmp.resolve(f));
            } catch (IOException e) {
                RegistryFiles.deleteTree(tmp);
                throw new ModelException("cannot copy pretrained model file " + resource + ": " + e.getMessage(), e);
            }
        }
        return tmp;
    }
}
