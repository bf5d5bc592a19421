package io.hyclus.analysis.model.bench;

import io.hyclus.analysis.model.NetworkAutoencoder;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.SpectralModel;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Encoder throughput, best of three passes over all rows. {@code networkRate}: spectra already off-heap, encoded in
 * contiguous row-range views of {@code batch} rows (what ae_torch.py times: whole batches only);
 * {@code blockRate}: the {@link SpectralModel#encode} path from a Java float block to a Java float block (copies in
 * and out included).
 */
record EncodeTiming(double networkRate, double blockRate) {
    static EncodeTiming measure(SpectralModel model, float[] all, int n, int d, int batch) {
        double network = Double.NaN;
        if (model instanceof NetworkAutoencoder ae) {
            INDArray x = Nd4j.create(all, new long[]{n, d}, 'c');
            int whole = (n / batch) * batch;
            for (int rep = 0; rep < 3; rep++) {
                long t0 = System.nanoTime();
                for (int s = 0; s + batch <= n; s += batch) {
                    ae.encodeRows(x.get(NDArrayIndex.interval(s, s + batch), NDArrayIndex.all()));
                }
                double rate = whole / ((System.nanoTime() - t0) / 1e9);
                network = Double.isNaN(network) ? rate : Math.max(network, rate);
            }
        }
        SpectraBlock block = new SpectraBlock(all, n, d);
        double blockRate = 0;
        for (int rep = 0; rep < 3; rep++) {
            long t0 = System.nanoTime();
            model.encode(block);
            blockRate = Math.max(blockRate, n / ((System.nanoTime() - t0) / 1e9));
        }
        return new EncodeTiming(network, blockRate);
    }
}
