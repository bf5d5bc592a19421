package io.hyclus.app.demo;

import io.hyclus.acquisition.calibration.CalibrationSettings;
import io.hyclus.acquisition.publish.KafkaScanEventPublisher;
import io.hyclus.acquisition.scan.ScanReport;
import io.hyclus.acquisition.scan.ScanSettings;
import io.hyclus.acquisition.scan.TrayScanner;
import io.hyclus.container.SampleContainerReader;
import io.hyclus.container.SampleSpectra;
import io.hyclus.app.pipeline.ContainerWatcher;
import io.hyclus.app.pipeline.Pipeline;
import io.hyclus.app.pipeline.PipelineSettings;
import io.hyclus.core.library.SpectralLibrary;
import io.hyclus.simulator.spectra.BundledLibrary;
import io.hyclus.core.scan.SampleContainerWritten;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;

/** The demo: one simulated tray scanned by one in-process VNIR camera through the {@link Pipeline}. */
public final class DemoPipeline implements AutoCloseable {
    private final DemoSettings settings;
    private final InstantSource clock;
    private final SpectralLibrary library;
    private final Pipeline pipeline;

    private DemoPipeline(DemoSettings settings, InstantSource clock, SpectralLibrary library, Pipeline pipeline) {
        this.settings = settings;
        this.clock = clock;
        this.library = library;
        this.pipeline = pipeline;
    }

    /** Finds the spectral library first (a missing library fails before any broker starts), then the pipeline. */
    public static DemoPipeline start(DemoSettings s, InstantSource clock, PrintWriter out) {
        SpectralLibrary library = BundledLibrary.openOrBundled(s.libraryDir());
        return new DemoPipeline(s, clock, library,
                Pipeline.start(new PipelineSettings(s.workDir(), s.bootstrapServers()), clock, out));
    }

    public String bootstrapServers() {
        return pipeline.bootstrapServers();
    }

    /** Scans the demo tray and waits until every sample's container is written, then reads them back. */
    public DemoResult runScan() {
        long t0 = System.nanoTime();
        DemoTray tray = DemoTray.build(settings, library, clock);
        ScanSettings scan = new ScanSettings(settings.linePitchMm(), CalibrationSettings.defaults());
        ScanReport report;
        List<SampleContainerWritten> written;
        try (ContainerWatcher watcher = new ContainerWatcher(pipeline.bootstrapServers());
             KafkaScanEventPublisher publisher = new KafkaScanEventPublisher(pipeline.bootstrapServers())) {
            report = new TrayScanner(scan, clock).scan(tray.scanId(), tray.layout(), tray.camera(),
                    tray.whiteReferenceYmm(), tray.provenance(), publisher);
            written = watcher.await(tray.scanId(), tray.layout().slots().size(), settings.timeout(), pipeline::checkHealth);
        }
        List<SampleSpectra> samples = written.stream().map(w -> SampleContainerReader.read(Path.of(w.file())))
                .sorted(Comparator.comparing(s -> tray.layout().slotOf(s.metadata().sampleId()).orElseThrow().index()))
                .toList();
        return new DemoResult(report, pipeline.bootstrapServers(), settings.outputDir(), samples,
                Duration.ofNanos(System.nanoTime() - t0));
    }

    public void awaitInterrupt() throws InterruptedException {
        pipeline.awaitInterrupt();
    }

    @Override
    public void close() {
        pipeline.close();
    }
}
