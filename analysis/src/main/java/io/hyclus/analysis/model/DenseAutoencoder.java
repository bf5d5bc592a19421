package io.hyclus.analysis.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The reference study's dense autoencoder: D → 128 → 64 → 32 → 16 → k → 16 → 32 → 64 → 128 → D (for k = 16 the code
 * is the 16-unit layer itself, no second 16), tanh on every encoder layer including the code and on the decoder's
 * hidden layers, sigmoid output, binary cross-entropy; orthogonal weights, zero biases. The code is the k tanh
 * activations. docs/autoencoders.md.
 */
public final class DenseAutoencoder extends NetworkAutoencoder {
    /** Hidden widths of the encoder before the code, the study's. */
    static final int[] WIDTHS = {128, 64, 32, 16};

    /** The encoder's weights (column-major) and biases, taken from {@link #directFrom}; rebuilt when it changes. */
    private INDArray[] weights;
    private INDArray[] biases;
    private MultiLayerNetwork directFrom;

    private DenseAutoencoder(Design design, MultiLayerNetwork net) {
        super(design, net);
    }

    /**
     * The encoder as gemm + bias + tanh per layer, straight into new arrays: DL4J's {@code output} adds workspace
     * handling, copies and detaching around the same kernels and encoded ≈ 1.35× slower (docs/benchmarks.md).
     */
    @Override
    INDArray encodeDirect(MultiLayerNetwork encoderNetwork, INDArray scaledRows) {
        if (directFrom != encoderNetwork) {
            int n = encoderNetwork.getnLayers();
            weights = new INDArray[n];
            biases = new INDArray[n];
            for (int i = 0; i < n; i++) {
                weights[i] = encoderNetwork.getLayer(i).getParam("W").dup('f');
                biases[i] = encoderNetwork.getLayer(i).getParam("b").dup();
            }
            directFrom = encoderNetwork;
        }
        INDArray in = scaledRows;
        for (int i = 0; i < weights.length; i++) {
            INDArray out = Nd4j.createUninitialized(DataType.FLOAT, new long[]{in.size(0), weights[i].size(1)}, 'f');
            in.mmuli(weights[i], out);
            out.addiRowVector(biases[i]);
            Transforms.tanh(out, false);
            in = out;
        }
        return in;
    }

    public static DenseAutoencoder untrained(int bands, int codeSize, long seed) {
        Design design = new Design(new ModelSpec(Architecture.DENSE, codeSize), bands);
        return new DenseAutoencoder(design, initialised(design, seed));
    }

    public static DenseAutoencoder load(Path dir, ModelSpec spec, int bands) {
        if (spec.architecture() != Architecture.DENSE) {
            throw new ModelException("model in " + dir + " is " + spec.name() + ", not a dense autoencoder");
        }
        Design design = new Design(spec, bands);
        return new DenseAutoencoder(design, read(dir, design));
    }

    record Design(ModelSpec spec, int bands) implements NetworkDesign {
        Design {
            if (bands < 2) {
                throw new ModelException("dense autoencoder needs at least 2 bands, got " + bands);
            }
        }

        /** Encoder widths after the input: 128, 64, 32, 16 and then k unless k is 16. */
        int[] encoderWidths() {
            int k = spec.codeSize();
            int[] w = java.util.Arrays.copyOf(WIDTHS, WIDTHS.length + (k == 16 ? 0 : 1));
            w[w.length - 1] = k == 16 ? 16 : k;
            return w;
        }

        @Override
        public InputType inputType() {
            return InputType.feedForward(bands);
        }

        @Override
        public List<Layer> encoderLayers() {
            List<Layer> layers = new ArrayList<>();
            for (int w : encoderWidths()) {
                layers.add(new DenseLayer.Builder().nOut(w).activation(Activation.TANH).build());
            }
            return layers;
        }

        @Override
        public List<Layer> decoderLayers() {
            int[] w = encoderWidths();
            List<Layer> layers = new ArrayList<>();
            for (int i = w.length - 2; i >= 0; i--) {
                layers.add(new DenseLayer.Builder().nOut(w[i]).activation(Activation.TANH).build());
            }
            layers.add(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(bands)
                    .activation(Activation.SIGMOID).build());
            return layers;
        }
    }
}
