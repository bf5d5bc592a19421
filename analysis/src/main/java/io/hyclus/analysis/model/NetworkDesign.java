package io.hyclus.analysis.model;

import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * The layers of an autoencoder, split at its code: the encoder ends with the code layer (code-size units), the decoder
 * starts from the code and ends with a sigmoid output layer of {@link #bands()} units scored by binary cross-entropy.
 * Every call returns new layer objects (DL4J's builders mutate them).
 */
interface NetworkDesign {
    ModelSpec spec();

    int bands();

    /** The input as DL4J sees it; the data are always rows of {@link #bands()} floats. */
    InputType inputType();

    List<Layer> encoderLayers();

    List<Layer> decoderLayers();
}
