package io.hyclus.streaming.segment;

import io.hyclus.container.SampleCube;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.spectral.MaterialRule;
import io.hyclus.core.tray.RegionMm;

import java.util.List;

/**
 * Joins one sample's line fragments from one camera, in line order, into a cube with tray positions and the material
 * mask's class of every spectrum. The mask's references (the sample's typical brightness and shapes) come from the
 * spectra at least {@value #REFERENCE_INSET_MM} mm inside the sample's region, where no wall can be even when the
 * layout is a few millimetres off, when there are enough of them.
 */
final class ContainerAssembler {
    private ContainerAssembler() {
    }

    static final double REFERENCE_INSET_MM = 6;

    static SampleCube assemble(CameraSetup camera, RegionMm region, MaterialRule rule, List<LineFragment> fragments) {
        int n = fragments.stream().mapToInt(LineFragment::size).sum();
        int bands = camera.sensor().bands();
        float[][] spectra = new float[n][bands];
        long[] lines = new long[n];
        int[] pixels = new int[n];
        double[][] positions = new double[n][2];
        byte[] flags = new byte[n];
        int k = 0;
        for (LineFragment f : fragments) {
            double y = camera.geometry().yMm(f.encoderMicrons());
            for (int i = 0; i < f.size(); i++, k++) {
                System.arraycopy(f.spectra(), i * bands, spectra[k], 0, bands);
                lines[k] = f.lineIndex();
                pixels[k] = f.pixels()[i];
                flags[k] = f.flag(i);
                positions[k][0] = camera.geometry().xMm(f.pixels()[i]);
                positions[k][1] = y;
            }
        }
        boolean[] interior = new boolean[n];
        for (int i = 0; i < n; i++) {
            double x = positions[i][0];
            double y = positions[i][1];
            interior[i] = x >= region.x0() + REFERENCE_INSET_MM && x < region.x1() - REFERENCE_INSET_MM
                    && y >= region.y0() + REFERENCE_INSET_MM && y < region.y1() - REFERENCE_INSET_MM;
        }
        return new SampleCube(camera, spectra, lines, pixels, positions, rule.score(spectra, flags, interior).codes());
    }
}
