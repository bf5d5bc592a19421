package io.hyclus.analysis.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hyclus.core.spectral.SensorKind;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one home of a registry version's {@code model.json} (format {@value #FORMAT}): every {@link ModelMetadata}
 * field, the {@link MinMaxScaler} and, per weights file in the version folder, its SHA-256 and length. docs/models.md
 * shows an example. Losses that are not numbers (no validation data) are written as the string {@code "NaN"}.
 */
public final class ModelJson {
    public static final String FILE = "model.json";
    public static final String FORMAT = "hyclus-model/1";
    /** Decimals are read as BigDecimal so that the scaler's floats come back bit for bit. */
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** A weights file as recorded: its SHA-256 (hex) and its length in bytes. */
    public record WeightsFile(String sha256, long bytes) {
    }

    /** Everything model.json holds. */
    public record Content(ModelMetadata metadata, MinMaxScaler scaler, Map<String, WeightsFile> files) {
        public Content {
            files = Map.copyOf(files);
        }
    }

    private ModelJson() {
    }

    public static byte[] toBytes(Content c) {
        ModelMetadata m = c.metadata();
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", m.ref().name());
        root.put("version", m.ref().version());
        root.put("architecture", m.spec().architecture().id());
        root.put("codeSize", m.spec().codeSize());
        root.put("input", m.input().name());
        root.put("seed", m.seed());
        root.put("softwareVersion", m.softwareVersion());
        root.put("createdAt", m.createdAt().toString());
        root.put("trainingDataSha256", m.trainingDataSha256());
        root.put("validation", m.validation());
        ArrayNode wl = root.putArray("wavelengthNm");
        for (double w : m.wavelengthNm()) {
            wl.add(w);
        }
        ArrayNode samples = root.putArray("samples");
        m.samples().forEach(samples::add);
        ArrayNode epochs = root.putArray("epochs");
        for (EpochRecord e : m.epochs()) {
            ObjectNode n = epochs.addObject();
            n.put("epoch", e.epoch());
            number(n, "trainLoss", e.trainLoss());
            number(n, "validationLoss", e.validationLoss());
            number(n, "learningRate", e.learningRate());
            number(n, "seconds", e.seconds());
            number(n, "samplesPerSecond", e.samplesPerSecond());
        }
        ObjectNode prov = root.putObject("provenance");
        new TreeMap<>(m.provenance()).forEach(prov::put);
        ObjectNode scaler = root.putObject("scaler");
        ArrayNode min = scaler.putArray("min");
        ArrayNode max = scaler.putArray("max");
        for (float v : c.scaler().min()) {
            min.add(v);
        }
        for (float v : c.scaler().max()) {
            max.add(v);
        }
        ObjectNode files = root.putObject("files");
        new TreeMap<>(c.files()).forEach((name, f) -> files.putObject(name).put("sha256", f.sha256()).put("bytes", f.bytes()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new ModelException("cannot write model.json of " + m.ref() + ": " + e.getMessage(), e);
        }
    }

    private static void number(ObjectNode n, String field, double v) {
        if (Double.isFinite(v)) {
            n.put(field, v);
        } else {
            n.put(field, Double.toString(v));
        }
    }

    /** Reads {@code file}; missing, unparsable or incomplete → {@link ModelException} naming the file and the field. */
    public static Content read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ModelException("model version folder " + file.getParent() + " has no " + FILE, e);
        } catch (IOException e) {
            throw new ModelException("cannot parse " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ModelException(file + " is not a JSON object");
        }
        try {
            String format = text(root, "format", file);
            if (!FORMAT.equals(format)) {
                throw new ModelException(file + " has format '" + format + "', this HyClus reads " + FORMAT);
            }
            ModelRef ref = new ModelRef(text(root, "name", file), field(root, "version", file).asInt());
            ModelSpec spec = new ModelSpec(Architecture.fromId(text(root, "architecture", file)),
                    field(root, "codeSize", file).asInt());
            List<EpochRecord> epochs = new ArrayList<>();
            for (JsonNode e : array(root, "epochs", file)) {
                epochs.add(new EpochRecord(field(e, "epoch", file).asInt(), dbl(e, "trainLoss", file),
                        dbl(e, "validationLoss", file), dbl(e, "learningRate", file), dbl(e, "seconds", file),
                        dbl(e, "samplesPerSecond", file)));
            }
            Map<String, String> prov = new TreeMap<>();
            field(root, "provenance", file).fields().forEachRemaining(en -> prov.put(en.getKey(), en.getValue().asText()));
            List<String> samples = new ArrayList<>();
            array(root, "samples", file).forEach(s -> samples.add(s.asText()));
            ModelMetadata meta = new ModelMetadata(ref, spec, SensorKind.valueOf(text(root, "input", file)),
                    doubles(array(root, "wavelengthNm", file)), field(root, "seed", file).asLong(),
                    text(root, "trainingDataSha256", file), samples, text(root, "validation", file), epochs,
                    text(root, "softwareVersion", file), Instant.parse(text(root, "createdAt", file)), prov);
            JsonNode sc = field(root, "scaler", file);
            MinMaxScaler scaler = new MinMaxScaler(floats(array(sc, "min", file)), floats(array(sc, "max", file)));
            Map<String, WeightsFile> files = new TreeMap<>();
            field(root, "files", file).fields().forEachRemaining(en -> files.put(en.getKey(),
                    new WeightsFile(text(en.getValue(), "sha256", file), field(en.getValue(), "bytes", file).asLong())));
            return new Content(meta, scaler, files);
        } catch (ModelException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModelException(file + " is not a valid model description: " + e.getMessage(), e);
        }
    }

    private static JsonNode field(JsonNode n, String name, Path file) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new ModelException(file + " lacks the field '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode n, String name, Path file) {
        JsonNode v = field(n, name, file);
        if (!v.isTextual()) {
            throw new ModelException(file + ": field '" + name + "' is " + v.getNodeType() + ", expected text");
        }
        return v.asText();
    }

    private static double dbl(JsonNode n, String name, Path file) {
        JsonNode v = field(n, name, file);
        return v.isTextual() ? Double.parseDouble(v.asText()) : v.asDouble();
    }

    private static JsonNode array(JsonNode n, String name, Path file) {
        JsonNode v = field(n, name, file);
        if (!v.isArray()) {
            throw new ModelException(file + ": field '" + name + "' is " + v.getNodeType() + ", expected an array");
        }
        return v;
    }

    private static double[] doubles(JsonNode a) {
        double[] out = new double[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = a.get(i).asDouble();
        }
        return out;
    }

    private static float[] floats(JsonNode a) {
        float[] out = new float[a.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = Float.parseFloat(a.get(i).decimalValue().toString());
        }
        return out;
    }
}
