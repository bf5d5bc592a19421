package io.hyclus.streaming.segment;

import io.hyclus.core.scan.CameraSetup;
import io.hyclus.container.SampleCube;

import java.util.List;

/** Joins one sample's line fragments from one camera, in line order, into a cube with tray positions. */
final class ContainerAssembler {
    private ContainerAssembler() {
    }

    static SampleCube assemble(CameraSetup camera, List<LineFragment> fragments) {
        int n = fragments.stream().mapToInt(LineFragment::size).sum();
        int bands = camera.sensor().bands();
        float[][] spectra = new float[n][bands];
        long[] lines = new long[n];
        int[] pixels = new int[n];
        double[][] positions = new double[n][2];
        int k = 0;
        for (LineFragment f : fragments) {
            double y = camera.geometry().yMm(f.encoderMicrons());
            for (int i = 0; i < f.size(); i++, k++) {
                System.arraycopy(f.spectra(), i * bands, spectra[k], 0, bands);
                lines[k] = f.lineIndex();
                pixels[k] = f.pixels()[i];
                positions[k][0] = camera.geometry().xMm(f.pixels()[i]);
                positions[k][1] = y;
            }
        }
        return new SampleCube(camera, spectra, lines, pixels, positions);
    }
}
