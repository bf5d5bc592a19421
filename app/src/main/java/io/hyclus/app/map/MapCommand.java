package io.hyclus.app.map;

import io.hyclus.analysis.livemap.LiveMapService;
import io.hyclus.analysis.livemap.LiveMapSettings;
import io.hyclus.app.OptionChecks;
import io.hyclus.app.pipeline.ClusterOptions;
import io.hyclus.app.pipeline.ClusterSize;
import io.hyclus.app.pipeline.MetricsOptions;
import io.hyclus.app.pipeline.PipelineMeters;
import io.hyclus.app.pipeline.UntilSignal;
import io.hyclus.app.pipeline.WorkDirLock;
import io.hyclus.core.spectral.SensorKind;
import io.hyclus.kafka.topic.HyclusTopics;
import io.hyclus.kafka.topic.TopicAdmin;
import io.hyclus.dashboard.metrics.MetricsServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code hyclus map}: the live map service on its own against a Kafka cluster. Runs until Ctrl-C or SIGTERM (the JVM then exits 130 or 143 after a clean stop),
 * or until the service stops on an error (exit 1, the error named).
 */
@Command(name = "map", mixinStandardHelpOptions = true,
        description = {"Runs the live map service on its own: reads hyclus.sample-codes, places a seeded subsample of each"
                + " sample's codes of one camera on a live t-SNE map, publishes the points with the sample's metadata to"
                + " hyclus.sample-map and re-fits on a reservoir when the map has drifted, until Ctrl-C.",
            "The map is saved in <work-dir>/map after every change; a restart resumes it (docs/live-map.md)."})
public final class MapCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    MetricsOptions metrics;

    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "The Kafka cluster the live encoder publishes to.")
    String bootstrapServers;

    @Option(names = "--work-dir", defaultValue = "hyclus-work",
            description = "Working directory (default: ${DEFAULT-VALUE}); the map, its state and a lock are kept in"
                    + " <work-dir>/map, one service per work directory.")
    Path workDir;

    @Option(names = "--camera", defaultValue = "VNIR", description = "Whose codes the map holds: VNIR, SWIR or STITCHED"
            + " (default: ${DEFAULT-VALUE}).")
    SensorKind camera;

    @Option(names = "--points-per-sample", defaultValue = "" + LiveMapSettings.DEFAULT_POINTS_PER_SAMPLE,
            description = "Seeded subsample of each sample placed on the map (default: ${DEFAULT-VALUE}).")
    int pointsPerSample;

    @Option(names = "--seed", defaultValue = "1", description = "Seeds the subsamples and the reservoir"
            + " (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--fit-after-samples", defaultValue = "" + LiveMapSettings.DEFAULT_FIT_AFTER_SAMPLES,
            description = "The first map is fitted once this many samples wait (default: ${DEFAULT-VALUE})...")
    int fitAfterSamples;

    @Option(names = "--fit-after-points", defaultValue = "" + LiveMapSettings.DEFAULT_FIT_AFTER_POINTS,
            description = "...or this many points (default: ${DEFAULT-VALUE}).")
    int fitAfterPoints;

    @Option(names = "--reservoir", defaultValue = "" + LiveMapSettings.DEFAULT_RESERVOIR,
            description = "Most points kept for re-fits (default: ${DEFAULT-VALUE}).")
    int reservoir;

    @Option(names = "--refit-share", defaultValue = "" + LiveMapSettings.DEFAULT_REFIT_SHARE,
            description = "Re-fit when the points added since the last fit exceed this share of the map's points"
                    + " (default: ${DEFAULT-VALUE}).")
    double refitShare;

    @Option(names = "--group-id", defaultValue = LiveMapSettings.DEFAULT_GROUP_ID,
            description = "Consumer group whose offsets show the service's lag (default: ${DEFAULT-VALUE}).")
    String groupId;

    @Override
    public Integer call() throws InterruptedException {
        LiveMapSettings settings = settings();
        PrintWriter out = spec.commandLine().getOut();
        try (WorkDirLock lock = WorkDirLock.acquire(settings.mapDir(), InstantSource.system().instant())) {
            short replication = (short) ClusterSize.replicationFor(bootstrapServers);
            TopicAdmin.ensureTopics(bootstrapServers, List.of(HyclusTopics.SAMPLE_CODES, HyclusTopics.SAMPLE_MAP), 1,
                    replication);
            var registry = MetricsServer.newRegistry();
            java.util.Optional<MetricsServer> served = metrics.start(registry, out);
            try {
                LiveMapService service = LiveMapService.start(settings, InstantSource.system());
                PipelineMeters.bindMap(service, registry);
                run(service, out);
            } finally {
                served.ifPresent(MetricsServer::close);
            }
        }
        return 0;
    }

    /** The options checked (exit 2 naming the option) and turned into settings, before anything starts. */
    private LiveMapSettings settings() {
        ClusterOptions.bootstrapServers(spec, bootstrapServers);
        OptionChecks.range(spec, "--points-per-sample", pointsPerSample, 1, 1_000_000);
        OptionChecks.range(spec, "--fit-after-samples", fitAfterSamples, 1, 1_000_000);
        OptionChecks.range(spec, "--fit-after-points", fitAfterPoints, 1, 10_000_000);
        OptionChecks.range(spec, "--reservoir", reservoir, 100, 10_000_000);
        OptionChecks.range(spec, "--refit-share", refitShare, 0.01, 100);
        try {
            return LiveMapSettings.defaults(bootstrapServers, workDir.resolve("map")).withGroupId(groupId)
                    .withCamera(camera).withPointsPerSample(pointsPerSample).withSeed(seed)
                    .withFitAfter(fitAfterSamples, fitAfterPoints).withReservoir(reservoir, refitShare);
        } catch (IllegalArgumentException e) {
            throw OptionChecks.invalid(spec, e.getMessage());
        }
    }

    private static void run(LiveMapService service, PrintWriter out) throws InterruptedException {
        LiveMapSettings s = service.settings();
        UntilSignal.run("map", service, service::rethrow, "Placing " + s.pointsPerSample() + " " + s.camera()
                + " points of each sample from " + HyclusTopics.SAMPLE_CODES.name() + " on " + HyclusTopics.SAMPLE_MAP.name()
                + " (map " + (service.mapVersion() == 0 ? "not fitted yet" : "v" + service.mapVersion()) + " in "
                + s.mapDir().toAbsolutePath() + "); press Ctrl-C to stop.", out);
    }

}
