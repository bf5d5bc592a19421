package io.hyclus.acquisition.stitch;

import io.hyclus.core.scan.AcrossTrackGeometry;
import io.hyclus.core.scan.CameraSetup;
import io.hyclus.core.scan.Scanline;
import io.hyclus.core.spectral.Sensor;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.core.spectral.WavelengthGrid;

import java.time.Instant;

/** Synthetic cameras and lines for the stitching tests: values given as a function of pixel and wavelength. */
final class StitchFixture {
    static final String SCAN = "scan-1";

    /** A value at (camera pixel, band centre in nm). */
    interface Scene {
        double at(int pixel, double nm);
    }

    private StitchFixture() {
    }

    static CameraSetup camera(SensorKind kind, WavelengthGrid grid, int pixels, double firstCentreMm, double pitchMm) {
        return new CameraSetup(new Sensor(kind.name().toLowerCase(), kind, grid, pixels),
                new AcrossTrackGeometry(firstCentreMm, pitchMm, 0));
    }

    static Scanline line(CameraSetup cam, long index, long encoderMicrons, Scene scene) {
        return line(cam, index, encoderMicrons, scene, new byte[0]);
    }

    static Scanline line(CameraSetup cam, long index, long encoderMicrons, Scene scene, byte[] flags) {
        int px = cam.sensor().pixels();
        int bands = cam.sensor().bands();
        float[] v = new float[px * bands];
        for (int p = 0; p < px; p++) {
            for (int b = 0; b < bands; b++) {
                v[p * bands + b] = (float) scene.at(p, cam.sensor().grid().centreNm(b));
            }
        }
        return new Scanline(SCAN, cam.sensor().kind(), index, encoderMicrons, Instant.EPOCH.plusMillis(index), px,
                bands, v, flags);
    }

    /** Settings with the gain fixed at 1 (clamp 1-1), native grid, cross-fade. */
    static StitchSettings noGain() {
        StitchSettings d = StitchSettings.defaults();
        return new StitchSettings(d.grid(), d.stepNm(), d.overlap(), d.matchMarginNm(), 1, 1, d.minMatchReflectance(),
                d.edgeToleranceMicrons());
    }
}
