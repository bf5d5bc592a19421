package io.hyclus.analysis.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The epoch loop for an autoencoder network (targets = inputs). Each epoch shuffles the training rows with one seeded
 * {@link Random} into a contiguous copy and feeds contiguous row-range views of it as batches (no per-batch row
 * gathers). After each epoch: the validation loss (Keras scale, {@link Losses}), early stopping and the
 * learning-rate plateau on it, and the listener. When training stops, the best validation epoch's weights are restored
 * (Keras's {@code restore_best_weights=True}). Without validation rows both watch the training loss.
 * The training loss is DL4J's score per batch (XENT summed over outputs, which clips predictions at 1e-5) divided by
 * the band count, averaged over the epoch's spectra, as Keras reports it.
 */
final class NetworkTrainer {
    /** Rows per forward pass when computing validation outputs or encoding. */
    static final int INFERENCE_BATCH = 8192;

    private final TrainingSettings settings;
    private final LongSupplier nanoClock;

    NetworkTrainer(TrainingSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    List<EpochRecord> train(MultiLayerNetwork net, SpectraBlock train, SpectraBlock validation, EpochListener listener) {
        int n = train.rows();
        int d = train.bands();
        if (n == 0) {
            throw new ModelException("no training spectra");
        }
        Random rng = new Random(settings.seed());
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        float[] shuffled = new float[n * d];
        INDArray epochData = Nd4j.create(new long[]{n, d}, 'c');
        EarlyStopping stopping = new EarlyStopping(settings.earlyStoppingPatience(), settings.minDelta());
        LearningRatePlateau plateau = new LearningRatePlateau(settings.learningRate(), settings.plateauPatience(),
                settings.plateauFactor(), settings.minLearningRate(), settings.minDelta());
        net.setLearningRate(plateau.rate());
        INDArray bestParams = null;
        List<EpochRecord> records = new ArrayList<>();
        for (int epoch = 1; epoch <= settings.maxEpochs(); epoch++) {
            double rate = plateau.rate();
            long t0 = nanoClock.getAsLong();
            shuffle(order, rng);
            float[] src = train.values();
            for (int i = 0; i < n; i++) {
                System.arraycopy(src, order[i] * d, shuffled, i * d, d);
            }
            epochData.data().setData(shuffled);
            double lossSum = 0;
            for (int s = 0; s < n; s += settings.batchSize()) {
                int e = Math.min(n, s + settings.batchSize());
                INDArray batch = epochData.get(NDArrayIndex.interval(s, e), NDArrayIndex.all());
                net.fit(batch, batch);
                lossSum += net.score() * (e - s);
            }
            double seconds = (nanoClock.getAsLong() - t0) / 1e9;
            double trainLoss = lossSum / n / d;
            if (!Double.isFinite(trainLoss)) {
                throw new ModelException("training diverged: loss " + trainLoss + " in epoch " + epoch);
            }
            double valLoss = validation.rows() == 0 ? Double.NaN
                    : Losses.binaryCrossEntropy(validation, forward(net, validation, d));
            double watched = validation.rows() == 0 ? trainLoss : valLoss;
            if (stopping.observe(epoch, watched)) {
                bestParams = net.params().dup();
            }
            double next = plateau.observe(watched);
            if (next != rate) {
                net.setLearningRate(next);
            }
            EpochRecord record = new EpochRecord(epoch, trainLoss, valLoss, rate, seconds, n / seconds);
            records.add(record);
            listener.epochDone(record, settings.maxEpochs());
            if (stopping.shouldStop()) {
                break;
            }
        }
        if (bestParams != null && stopping.bestEpoch() != records.size()) {
            net.setParams(bestParams);
        }
        return records;
    }

    /** Fisher-Yates with the trainer's one generator: the same seed gives the same sequence of epoch orders. */
    private static void shuffle(int[] order, Random rng) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    /** Output of {@code net} for every row of {@code in}, in batches of {@link #INFERENCE_BATCH}. */
    static SpectraBlock forward(MultiLayerNetwork net, SpectraBlock in, int width) {
        return forward(x -> net.output(x, false), in, width);
    }

    /** {@code pass} applied to every row of {@code in}, in batches of {@link #INFERENCE_BATCH}. */
    static SpectraBlock forward(java.util.function.UnaryOperator<INDArray> pass, SpectraBlock in, int width) {
        int n = in.rows();
        int d = in.bands();
        float[] out = new float[n * width];
        for (int s = 0; s < n; s += INFERENCE_BATCH) {
            int e = Math.min(n, s + INFERENCE_BATCH);
            float[] chunk = new float[(e - s) * d];
            System.arraycopy(in.values(), s * d, chunk, 0, chunk.length);
            INDArray y = pass.apply(Nd4j.create(chunk, new long[]{e - s, d}, 'c'));
            if (y.size(1) != width) {
                throw new ModelException("network gave " + y.size(1) + " outputs per row, expected " + width);
            }
            // DL4J's dense layers return 'f'-ordered activations: copy to row-major before reading the buffer
            float[] yv = y.dup('c').data().asFloat();
            System.arraycopy(yv, 0, out, s * width, (e - s) * width);
        }
        return new SpectraBlock(out, n, width);
    }
}
