package io.hyclus.analysis.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * An autoencoder held as one DL4J network (encoder layers then decoder layers), trained whole; {@link #encode} and
 * {@link #decode} run two inference-only networks built from the same layers whose parameters are copies of the
 * corresponding slices of the whole network's (DL4J flattens parameters layer by layer), rebuilt after training or
 * loading. Weights are orthogonal ({@link OrthogonalInit}), biases zero. Saved as {@value #FILE} (DL4J's
 * {@code ModelSerializer}, without updater state). Not safe for concurrent use.
 */
public abstract sealed class NetworkAutoencoder implements SpectralModel permits DenseAutoencoder, ConvAutoencoder {
    /** The network file {@link #save} writes into the model directory. */
    static final String FILE = "network.zip";

    private final NetworkDesign design;
    private MultiLayerNetwork full;
    private MultiLayerNetwork encoder;
    private MultiLayerNetwork decoder;

    NetworkAutoencoder(NetworkDesign design, MultiLayerNetwork full) {
        this.design = design;
        this.full = full;
    }

    /** A new network of {@code design}, orthogonally initialised from {@code seed}. */
    static MultiLayerNetwork initialised(NetworkDesign design, long seed) {
        Nd4jRuntime.defaults();
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(design.inputType(), all(design), seed, new NoOp()));
        net.init();
        orthogonalise(net, new Random(seed));
        return net;
    }

    @Override
    public ModelSpec spec() {
        return design.spec();
    }

    @Override
    public int bands() {
        return design.bands();
    }

    /** The whole network (encoder and decoder), for inspection; do not modify. */
    MultiLayerNetwork network() {
        return full;
    }

    @Override
    public List<EpochRecord> fit(SpectraBlock train, SpectraBlock validation, TrainingSettings settings,
                                 EpochListener listener) {
        checkBands("training spectra", train, bands());
        checkBands("validation spectra", validation, bands());
        train.requireFinite("training spectra");
        validation.requireFinite("validation spectra");
        Nd4jRuntime.configure(settings.threads());
        RmsProp rmsProp = new RmsProp(settings.learningRate(), settings.rho(), settings.epsilon());
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(design.inputType(), all(design), settings.seed(), rmsProp));
        net.init();
        net.setParams(full.params());
        List<EpochRecord> records = new NetworkTrainer(settings, System::nanoTime).train(net, train, validation, listener);
        full = net;
        encoder = null;
        decoder = null;
        return records;
    }

    @Override
    public SpectraBlock encode(SpectraBlock scaled) {
        checkBands("spectra to encode", scaled, bands());
        return NetworkTrainer.forward(this::encodeRows, scaled, spec().codeSize());
    }

    @Override
    public SpectraBlock decode(SpectraBlock codes) {
        checkBands("codes to decode", codes, spec().codeSize());
        split();
        return NetworkTrainer.forward(decoder, codes, bands());
    }

    /** The whole network's output (reconstruction of scaled spectra). */
    SpectraBlock reconstruct(SpectraBlock scaled) {
        checkBands("spectra to reconstruct", scaled, bands());
        return NetworkTrainer.forward(full, scaled, bands());
    }

    /**
     * The off-heap fast path for callers that hold spectra in ND4J already (the benchmark, a live encoder): scaled
     * spectra, rows x bands, float, to codes, rows x code size (a new array, possibly column-major).
     */
    public INDArray encodeRows(INDArray scaledRows) {
        if (scaledRows.rank() != 2 || scaledRows.size(1) != bands()) {
            throw new ModelException("spectra to encode have shape " + java.util.Arrays.toString(scaledRows.shape())
                    + ", the model needs rows x " + bands());
        }
        split();
        INDArray fast = encodeDirect(encoder, scaledRows);
        return fast != null ? fast : encoder.output(scaledRows, false);
    }

    /**
     * A subclass's own forward pass through {@code encoderNetwork}'s parameters, or null to use DL4J's
     * {@code output}. Must give DL4J's result (tested through {@code decode(encode(x))} against the whole network).
     */
    INDArray encodeDirect(MultiLayerNetwork encoderNetwork, INDArray scaledRows) {
        return null;
    }

    @Override
    public void save(Path dir) {
        Path file = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".partial");
        try {
            ModelSerializer.writeModel(full, tmp.toFile(), false);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            throw new ModelException("cannot write network file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads {@value #FILE} from {@code dir} and checks its layers are {@code design}'s. */
    static MultiLayerNetwork read(Path dir, NetworkDesign design) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new ModelException("network file missing: " + file);
        }
        Nd4jRuntime.defaults();
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (Exception | LinkageError e) {
            throw new ModelException("cannot read network file " + file + " (truncated or corrupt?): " + e, e);
        }
        if (net == null) {
            throw new ModelException("cannot read network file " + file + ": no network in it");
        }
        String found = signature(net.getLayerWiseConfigurations());
        String expected = signature(configuration(design.inputType(), all(design), 0, new NoOp()));
        if (!found.equals(expected)) {
            throw new ModelException("network file " + file + " holds layers " + found + ", but " + design.spec().name()
                    + " on " + design.bands() + " bands needs " + expected);
        }
        return net;
    }

    private void split() {
        if (encoder != null) {
            return;
        }
        float[] all = full.params().dup('c').data().asFloat();
        MultiLayerNetwork enc = inferenceNetwork(design.inputType(), design.encoderLayers());
        MultiLayerNetwork dec = inferenceNetwork(InputType.feedForward(spec().codeSize()), design.decoderLayers());
        int ne = (int) enc.numParams();
        if (ne + dec.numParams() != all.length) {
            throw new ModelException(spec().name() + ": encoder " + ne + " + decoder " + dec.numParams()
                    + " parameters, whole network " + all.length);
        }
        enc.setParams(slice(all, 0, ne, enc));
        dec.setParams(slice(all, ne, all.length, dec));
        encoder = enc;
        decoder = dec;
    }

    private static INDArray slice(float[] all, int from, int to, MultiLayerNetwork into) {
        float[] part = new float[to - from];
        System.arraycopy(all, from, part, 0, part.length);
        return Nd4j.create(part, into.params().shape(), 'c');
    }

    private static MultiLayerNetwork inferenceNetwork(InputType input, List<Layer> layers) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(input, layers, 0, new NoOp()));
        net.init();
        return net;
    }

    private static List<Layer> all(NetworkDesign design) {
        List<Layer> layers = new ArrayList<>(design.encoderLayers());
        layers.addAll(design.decoderLayers());
        return layers;
    }

    static MultiLayerConfiguration configuration(InputType input, List<Layer> layers, long seed, IUpdater updater) {
        NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .biasInit(0)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(CacheMode.NONE)
                .list();
        for (int i = 0; i < layers.size(); i++) {
            list.layer(i, layers.get(i));
        }
        return list.setInputType(input).build();
    }

    /** PyTorch's layout: a weight is (outputs x fan-in), conv kernels flattened; DL4J's dense W is (nIn x nOut). */
    static void orthogonalise(MultiLayerNetwork net, Random rng) {
        for (org.deeplearning4j.nn.api.Layer layer : net.getLayers()) {
            Map<String, INDArray> params = layer.paramTable();
            INDArray w = params.get("W");
            if (w != null) {
                long[] s = w.shape();
                if (s.length == 2) {
                    float[] m = OrthogonalInit.matrix((int) s[1], (int) s[0], rng);
                    w.assign(Nd4j.create(m, new long[]{s[1], s[0]}, 'c').transpose());
                } else {
                    int fan = (int) (w.length() / s[0]);
                    w.assign(Nd4j.create(OrthogonalInit.matrix((int) s[0], fan, rng), s, 'c'));
                }
            }
            INDArray b = params.get("b");
            if (b != null) {
                b.assign(0);
            }
        }
    }

    /** Layer kinds, sizes and activations, for checking a loaded network against its design. */
    static String signature(MultiLayerConfiguration conf) {
        List<String> parts = new ArrayList<>();
        for (NeuralNetConfiguration c : conf.getConfs()) {
            Layer l = c.getLayer();
            String p = l.getClass().getSimpleName();
            if (l instanceof FeedForwardLayer f) {
                p += " " + f.getNIn() + "->" + f.getNOut();
            }
            if (l instanceof BaseLayer b && b.getActivationFn() != null) {
                p += " " + b.getActivationFn();
            }
            parts.add(p);
        }
        return parts.toString();
    }

    private static void checkBands(String what, SpectraBlock block, int expected) {
        if (block.bands() != expected) {
            throw new ModelException(what + " have " + block.bands() + " values per row, the model needs " + expected);
        }
    }
}
