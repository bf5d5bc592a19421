import io.hyclus.analysis.model.ModelRef;
import io.hyclus.analysis.model.ModelRegistry;
import io.hyclus.analysis.model.SpectraBlock;
import io.hyclus.analysis.model.TrainedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the probe file of the shipped pretrained models: for each model, three probe spectra (its scaler's range at
 * 25 %, 50 % and 75 % in every band) and the codes the model gives them. BundledPretrainedTest checks that the shipped
 * models still encode the probes to these codes. Run by scripts/train-pretrained.sh:
 *
 *   java -cp "app/target/lib/*" scripts/PretrainedProbe.java BUNDLE_DIR OUT_FILE REF...
 */
public class PretrainedProbe {
    public static void main(String[] args) throws IOException {
        ModelRegistry bundle = ModelRegistry.open(Path.of(args[0]));
        List<String> out = new ArrayList<>();
        out.add("# model ; probe spectrum (scaler range at the given share, every band) ; its codes");
        out.add("# written by scripts/PretrainedProbe.java when the models were trained (scripts/train-pretrained.sh)");
        for (int i = 2; i < args.length; i++) {
            TrainedModel m = bundle.load(ModelRef.parse(args[i]));
            float[] lo = m.scaler().min();
            float[] hi = m.scaler().max();
            for (double share : new double[] {0.25, 0.5, 0.75}) {
                float[] s = new float[lo.length];
                for (int b = 0; b < s.length; b++) {
                    s[b] = (float) (lo[b] + share * (hi[b] - lo[b]));
                }
                float[] codes = m.encode(new SpectraBlock(s, 1, s.length)).values();
                out.add(m.ref() + " ; " + join(s) + " ; " + join(codes));
            }
        }
        Files.write(Path.of(args[1]), out);
    }

    private static String join(float[] v) {
        StringBuilder b = new StringBuilder();
        for (float x : v) {
            b.append(b.length() == 0 ? "" : " ").append(Float.toString(x));
        }
        return b.toString();
    }
}
