package io.hyclus.report;

import io.hyclus.analysis.model.SpectraBlock;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.util.ArrayList;
import java.util.List;

/**
 * The named, seeded classifier of the report: multinomial logistic regression trained by Tribuo's
 * {@link LinearSGDTrainer} ({@link LogMulticlass}, AdaGrad with learning rate {@value #LEARNING_RATE}, {@value #EPOCHS}
 * epochs, minibatch 1, the report's seed) on codes standardised with the training rows' mean and standard deviation.
 */
final class CodeClassifier {
    static final double LEARNING_RATE = 1.0;
    static final int EPOCHS = 10;
    static final String DESCRIPTION = "multinomial logistic regression (Tribuo 4.3.2 LinearSGDTrainer, LogMulticlass, "
            + "AdaGrad learning rate " + LEARNING_RATE + ", " + EPOCHS + " epochs, minibatch 1, seeded) on codes "
            + "standardised with the training part's mean and standard deviation";

    private CodeClassifier() {
    }

    /** Trains on the rows where {@code test} is false and returns the prediction of every test row, in row order. */
    static List<String> trainAndPredict(SpectraBlock codes, List<String> labels, boolean[] test, long seed) {
        int d = codes.bands();
        double[] mean = new double[d];
        double[] sd = new double[d];
        int n = 0;
        for (int r = 0; r < codes.rows(); r++) {
            if (!test[r]) {
                n++;
                for (int j = 0; j < d; j++) {
                    mean[j] += codes.get(r, j);
                }
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (int r = 0; r < codes.rows(); r++) {
            if (!test[r]) {
                for (int j = 0; j < d; j++) {
                    double x = codes.get(r, j) - mean[j];
                    sd[j] += x * x;
                }
            }
        }
        for (int j = 0; j < d; j++) {
            sd[j] = Math.sqrt(sd[j] / n);
            sd[j] = sd[j] > 1e-12 ? sd[j] : 1;
        }
        String[] names = new String[d];
        for (int j = 0; j < d; j++) {
            names[j] = String.format("c%02d", j);
        }
        LabelFactory lf = new LabelFactory();
        MutableDataset<Label> train = new MutableDataset<>(new SimpleDataSourceProvenance("hyclus report codes", lf), lf);
        List<Example<Label>> tests = new ArrayList<>();
        for (int r = 0; r < codes.rows(); r++) {
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = (codes.get(r, j) - mean[j]) / sd[j];
            }
            Example<Label> e = new ArrayExample<>(new Label(labels.get(r)), names, x);
            if (test[r]) {
                tests.add(e);
            } else {
                train.add(e);
            }
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(LEARNING_RATE, 0.1), EPOCHS,
                Integer.MAX_VALUE, 1, seed);
        Model<Label> model = trainer.train(train);
        List<String> out = new ArrayList<>(tests.size());
        for (Prediction<Label> p : model.predict(tests)) {
            out.add(p.getOutput().getLabel());
        }
        return out;
    }
}
