package io.hyclus.hardware.camera.control;

import io.hyclus.hardware.camera.CameraSettings;

/** Orders the commands that take a camera from one {@link CameraSettings} to another. */
final class SettingsApplier {
    private final CameraControl camera;

    SettingsApplier(CameraControl camera) {
        this.camera = camera;
    }

    CameraSettings apply(CameraSettings current, CameraSettings target) {
        boolean geometryChanges = current.spectralBinning() != target.spectralBinning()
                || current.spatialBinning() != target.spatialBinning()
                || current.roiFirstPixel() != target.roiFirstPixel() || current.roiPixels() != target.roiPixels();
        if (current.acquiring() && geometryChanges) {
            camera.stopAcquisition();
        }
        applyGeometry(current, target);
        applyTiming(current, target);
        if (current.shutterOpen() != target.shutterOpen()) {
            camera.setShutterOpen(target.shutterOpen());
        }
        CameraSettings now = camera.settings();
        if (now.acquiring() != target.acquiring()) {
            if (target.acquiring()) {
                camera.startAcquisition();
            } else {
                camera.stopAcquisition();
            }
        }
        return camera.settings();
    }

    /** Binning 1 first, then ROI, then the target binning, so the ROI width is a multiple at every step. */
    private void applyGeometry(CameraSettings current, CameraSettings target) {
        if (current.spectralBinning() != target.spectralBinning()) {
            camera.setSpectralBinning(target.spectralBinning());
        }
        boolean roiChanges = current.roiFirstPixel() != target.roiFirstPixel()
                || current.roiPixels() != target.roiPixels();
        if (roiChanges && current.spatialBinning() != 1) {
            camera.setSpatialBinning(1);
        }
        if (roiChanges) {
            camera.setRegionOfInterest(target.roiFirstPixel(), target.roiPixels());
        }
        if (roiChanges || current.spatialBinning() != target.spatialBinning()) {
            camera.setSpatialBinning(target.spatialBinning());
        }
    }

    /** Integration first if it fits the current period, else the frame rate first. */
    private void applyTiming(CameraSettings current, CameraSettings target) {
        boolean integrationFitsNow = target.integrationMicros() <= 1e6 / current.frameRateHz();
        if (integrationFitsNow) {
            camera.setIntegrationMicros(target.integrationMicros());
            camera.setFrameRateHz(target.frameRateHz());
        } else {
            camera.setFrameRateHz(target.frameRateHz());
            camera.setIntegrationMicros(target.integrationMicros());
        }
    }
}
