package io.hyclus.analysis.model;

import io.hyclus.core.spectral.SensorKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The versioned model registry in a directory (docs/models.md):
 * <pre>
 *   &lt;dir&gt;/&lt;name&gt;/v&lt;N&gt;/model.json       metadata, scaler, SHA-256 and length of each weights file ({@link ModelJson})
 *   &lt;dir&gt;/&lt;name&gt;/v&lt;N&gt;/&lt;weights files&gt;  whatever the model's {@link SpectralModel#save} wrote (pca.bin, ...)
 *   &lt;dir&gt;/promoted/&lt;VNIR|SWIR&gt;          one line, the promoted ref, e.g. {@code pca-16-vnir@2}
 * </pre>
 * A version is written in {@code <name>/.tmp-v<N>-*} and renamed to {@code v<N>} (a reader never sees half of one; two
 * writers racing for a number: the loser takes the next); pointers are replaced by an atomic rename. Loading checks
 * every weights file's length and hash before reading it.
 */
public final class ModelRegistry implements ModelCatalog {
    /** Where {@link #seedPretrainedIfMissing()} finds the bundle on the class path. */
    public static final String PRETRAINED_ROOT = "io/hyclus/analysis/model/pretrained";
    /** The provenance key that says where a seeded model came from. */
    public static final String ORIGIN = "origin";
    static final String PROMOTED = "promoted";
    private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]{0,8})");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    private final Path dir;

    private ModelRegistry(Path dir) {
        this.dir = dir;
    }

    /** Opens (creating if missing) the registry in {@code dir}. */
    public static ModelRegistry open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ModelException("cannot create the model registry " + dir + ": " + e.getMessage(), e);
        }
        return new ModelRegistry(dir);
    }

    public Path dir() {
        return dir;
    }

    /** The folder of a version (which may not exist). */
    public Path versionDir(ModelRef ref) {
        return dir.resolve(ref.name()).resolve("v" + ref.version());
    }

    /**
     * Stores {@code model} as the next version of {@code model.ref().name()} (the version in its ref is ignored) and
     * returns the ref it got. Written to a temporary folder and renamed: a reader never sees half a version.
     */
    public ModelRef save(TrainedModel model) {
        String name = model.ref().name();
        Path nameDir = dir.resolve(name);
        try {
            Files.createDirectories(nameDir);
            for (int attempt = 0; attempt < 100; attempt++) {
                ModelRef ref = new ModelRef(name, lastVersion(nameDir) + 1);
                Path tmp = RegistryFiles.tempDirectory(nameDir, ".tmp-v" + ref.version() + "-");
                Path target = nameDir.resolve("v" + ref.version());
                try {
                    writeVersion(tmp, new TrainedModel(model.metadata().withRef(ref), model.scaler(), model.model()));
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                    return ref;
                } catch (FileSystemException e) {
                    if (!Files.isDirectory(target)) {
                        throw e;
                    }
                    // another writer took this number first (rename(2) says ENOTEMPTY or EEXIST): try the next
                } finally {
                    RegistryFiles.deleteTree(tmp);
                }
            }
            throw new ModelException("could not find a free version number for " + name + " in " + nameDir);
        } catch (IOException e) {
            throw new ModelException("cannot save model " + name + " in " + nameDir + ": " + e.getMessage(), e);
        }
    }

    private static void writeVersion(Path folder, TrainedModel model) throws IOException {
        model.model().save(folder);
        Map<String, ModelJson.WeightsFile> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path f : list.filter(Files::isRegularFile).toList()) {
                files.put(f.getFileName().toString(), new ModelJson.WeightsFile(RegistryFiles.sha256(f), Files.size(f)));
            }
        }
        if (files.containsKey(ModelJson.FILE)) {
            throw new ModelException(model.model().spec() + " wrote a weights file named " + ModelJson.FILE);
        }
        Files.write(folder.resolve(ModelJson.FILE),
                ModelJson.toBytes(new ModelJson.Content(model.metadata(), model.scaler(), files)));
    }

    private static int lastVersion(Path nameDir) throws IOException {
        int last = 0;
        try (Stream<Path> list = Files.list(nameDir)) {
            for (Path p : list.toList()) {
                Matcher m = VERSION.matcher(p.getFileName().toString());
                if (m.matches() && Files.isDirectory(p)) {
                    last = Math.max(last, Integer.parseInt(m.group(1)));
                }
            }
        }
        return last;
    }

    /** Makes {@code ref} the promoted model for its input (atomically replacing the pointer). */
    public void promote(ModelRef ref) {
        Path vdir = versionDir(ref);
        if (!Files.isDirectory(vdir)) {
            throw new ModelException("cannot promote " + ref + ": no such version in " + dir + " (no folder " + vdir + ")");
        }
        SensorKind input = ModelJson.read(vdir.resolve(ModelJson.FILE)).metadata().input();
        Path pointer = pointer(input);
        try {
            Files.createDirectories(pointer.getParent());
            RegistryFiles.writeAtomically(pointer, ref + "\n");
        } catch (IOException e) {
            throw new ModelException("cannot write the promoted pointer " + pointer + ": " + e.getMessage(), e);
        }
    }

    private Path pointer(SensorKind input) {
        return dir.resolve(PROMOTED).resolve(input.name());
    }

    @Override
    public Optional<ModelRef> promoted(SensorKind input) {
        Path pointer = pointer(input);
        if (!Files.exists(pointer)) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(pointer, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ModelException("cannot read the promoted pointer " + pointer + ": " + e.getMessage(), e);
        }
        ModelRef ref;
        try {
            ref = ModelRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ModelException("promoted pointer " + pointer + " does not hold a model reference: " + e.getMessage(), e);
        }
        if (!Files.isRegularFile(versionDir(ref).resolve(ModelJson.FILE))) {
            throw new ModelException("promoted pointer " + pointer + " names " + ref + ", which is missing from the registry"
                    + " (no " + versionDir(ref).resolve(ModelJson.FILE) + ")");
        }
        return Optional.of(ref);
    }

    @Override
    public TrainedModel load(ModelRef ref) {
        Path vdir = versionDir(ref);
        if (!Files.isDirectory(vdir)) {
            throw new ModelException("no model " + ref + " in " + dir + " (no folder " + vdir + ")");
        }
        return loadFolder(vdir, ref);
    }

    /** Reads a version folder, checking its weights files against model.json before loading them. */
    static TrainedModel loadFolder(Path vdir, ModelRef expected) {
        ModelJson.Content c = ModelJson.read(vdir.resolve(ModelJson.FILE));
        ModelMetadata meta = c.metadata();
        if (expected != null && !meta.ref().equals(expected)) {
            throw new ModelException(vdir.resolve(ModelJson.FILE) + " describes " + meta.ref() + ", expected " + expected);
        }
        if (c.files().isEmpty()) {
            throw new ModelException(vdir.resolve(ModelJson.FILE) + " lists no weights files");
        }
        for (Map.Entry<String, ModelJson.WeightsFile> e : c.files().entrySet()) {
            checkWeights(vdir, e.getKey(), e.getValue());
        }
        try {
            return new TrainedModel(meta, c.scaler(), SpectralModels.load(vdir, meta.spec(), meta.bands()));
        } catch (IllegalArgumentException e) {
            throw new ModelException("model " + meta.ref() + " in " + vdir + ": " + e.getMessage(), e);
        }
    }

    private static void checkWeights(Path vdir, String name, ModelJson.WeightsFile expected) {
        Path f = vdir.resolve(name).normalize();
        if (!f.getParent().equals(vdir.normalize())) {
            throw new ModelException(vdir.resolve(ModelJson.FILE) + " names a weights file outside its folder: " + name);
        }
        try {
            if (!Files.isRegularFile(f)) {
                throw new ModelException("weights file " + f + " is missing (listed in " + ModelJson.FILE + ")");
            }
            long size = Files.size(f);
            if (size != expected.bytes()) {
                throw new ModelException("weights file " + f + " is " + (size < expected.bytes() ? "truncated" : "too long")
                        + ": " + size + " bytes, " + ModelJson.FILE + " says " + expected.bytes());
            }
            String hash = RegistryFiles.sha256(f);
            if (!hash.equals(expected.sha256())) {
                throw new ModelException("weights file " + f + " is corrupt: SHA-256 " + hash + ", " + ModelJson.FILE
                        + " says " + expected.sha256());
            }
        } catch (IOException e) {
            throw new ModelException("cannot read weights file " + f + ": " + e.getMessage(), e);
        }
    }

    /** Every stored version, by name then version. */
    public List<ModelRef> versions() {
        List<ModelRef> out = new ArrayList<>();
        try (Stream<Path> names = Files.list(dir)) {
            for (Path n : names.filter(Files::isDirectory).toList()) {
                String name = n.getFileName().toString();
                if (name.equals(PROMOTED) || !NAME.matcher(name).matches()) {
                    continue; // pointers, temporary folders, anything that is not a model name
                }
                try (Stream<Path> vs = Files.list(n)) {
                    for (Path v : vs.filter(Files::isDirectory).toList()) {
                        Matcher m = VERSION.matcher(v.getFileName().toString());
                        if (m.matches()) {
                            out.add(new ModelRef(name, Integer.parseInt(m.group(1))));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new ModelException("cannot list the model registry " + dir + ": " + e.getMessage(), e);
        }
        out.sort(Comparator.comparing(ModelRef::name).thenComparingInt(ModelRef::version));
        return out;
    }

    /**
     * When nothing is promoted for an input, copies the pretrained models shipped with HyClus for it into the registry
     * and promotes them, so the live path works on first run.
     *
     * @return the refs promoted now (empty if every input already had a promoted model)
     */
    public List<ModelRef> seedPretrainedIfMissing() {
        return seedPretrainedIfMissing(ModelRegistry.class.getClassLoader(), PRETRAINED_ROOT);
    }

    /**
     * {@link #seedPretrainedIfMissing()} from the bundle under {@code root} on {@code loader}'s class path: the first
     * bundled version per input with nothing promoted is verified, saved as a new version (its provenance gains
     * {@value #ORIGIN}) and promoted. No {@code index.txt} → nothing to seed.
     */
    public List<ModelRef> seedPretrainedIfMissing(ClassLoader loader, String root) {
        PretrainedBundle bundle = PretrainedBundle.read(loader, root);
        Map<SensorKind, ModelRef> seeded = new HashMap<>();
        for (String version : bundle.versions()) {
            Path tmp = bundle.copy(version, dir);
            try {
                TrainedModel bundled = loadFolder(tmp, null);
                SensorKind input = bundled.metadata().input();
                if (seeded.containsKey(input) || promoted(input).isPresent()) {
                    continue;
                }
                Map<String, String> prov = new TreeMap<>(bundled.metadata().provenance());
                prov.put(ORIGIN, "pretrained bundle on the class path: " + root + "/" + version + " ("
                        + bundled.ref() + ")");
                ModelMetadata m = bundled.metadata();
                ModelMetadata meta = new ModelMetadata(m.ref(), m.spec(), m.input(), m.wavelengthNm(), m.seed(),
                        m.trainingDataSha256(), m.samples(), m.validation(), m.epochs(), m.softwareVersion(),
                        m.createdAt(), prov);
                ModelRef ref = save(new TrainedModel(meta, bundled.scaler(), bundled.model()));
                promote(ref);
                seeded.put(input, ref);
            } finally {
                RegistryFiles.deleteTree(tmp);
            }
        }
        return seeded.values().stream().sorted(Comparator.comparing(ModelRef::toString)).toList();
    }
}
