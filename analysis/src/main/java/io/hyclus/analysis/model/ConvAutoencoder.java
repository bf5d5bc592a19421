package io.hyclus.analysis.model;

import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * HyClus's 1-D convolutional autoencoder along the band axis (the study's exact layers were not published; this design,
 * the two it replaced and the measurements are in docs/autoencoders.md). Encoder: the spectrum as a 1 x D image of one
 * channel → conv 1x7, stride 2 (8 filters, same padding, tanh) → conv 1x5, stride 2 (16 filters, tanh) → dense 64
 * tanh → dense k, linear (the code). Decoder: dense 128 tanh → dense D sigmoid, binary cross-entropy.
 * Strided convolutions (not pooling) halve the length twice, ceil(D/2) then ceil(D/4), so any D ≥ 8 works.
 * Orthogonal weights (kernels flattened as PyTorch does), zero biases.
 */
public final class ConvAutoencoder extends NetworkAutoencoder {
    private ConvAutoencoder(Design design, MultiLayerNetwork net) {
        super(design, net);
    }

    public static ConvAutoencoder untrained(int bands, int codeSize, long seed) {
        Design design = new Design(new ModelSpec(Architecture.CONV1D, codeSize), bands);
        return new ConvAutoencoder(design, initialised(design, seed));
    }

    public static ConvAutoencoder load(Path dir, ModelSpec spec, int bands) {
        if (spec.architecture() != Architecture.CONV1D) {
            throw new ModelException("model in " + dir + " is " + spec.name() + ", not a convolutional autoencoder");
        }
        Design design = new Design(spec, bands);
        return new ConvAutoencoder(design, read(dir, design));
    }

    record Design(ModelSpec spec, int bands) implements NetworkDesign {
        Design {
            if (bands < 8) {
                throw new ModelException("convolutional autoencoder needs at least 8 bands, got " + bands);
            }
        }

        @Override
        public InputType inputType() {
            return InputType.convolutionalFlat(1, bands, 1);
        }

        @Override
        public List<Layer> encoderLayers() {
            return List.of(
                    conv(7, 8),
                    conv(5, 16),
                    new DenseLayer.Builder().nOut(64).activation(Activation.TANH).build(),
                    new DenseLayer.Builder().nOut(spec.codeSize()).activation(Activation.IDENTITY).build());
        }

        @Override
        public List<Layer> decoderLayers() {
            return List.of(
                    new DenseLayer.Builder().nOut(128).activation(Activation.TANH).build(),
                    new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(bands).activation(Activation.SIGMOID).build());
        }

        private static Layer conv(int width, int filters) {
            return new ConvolutionLayer.Builder(1, width).stride(1, 2).nOut(filters).convolutionMode(ConvolutionMode.Same)
                    .activation(Activation.TANH).build();
        }
    }
}
