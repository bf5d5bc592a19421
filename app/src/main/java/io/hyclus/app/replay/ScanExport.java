package io.hyclus.app.replay;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/** {@code hyclus export --scan ID DIR}: the cluster opened ({@link ClusterAccess}), the scan read and written as ENVI. */
public final class ScanExport {
    private ScanExport() {
    }

    /** @return each camera's capture header */
    public static List<Path> run(Path workDir, Optional<String> bootstrapServers, String scanId, Path dir,
                                 PrintWriter out) {
        try (ClusterAccess cluster = ClusterAccess.open(workDir, bootstrapServers, InstantSource.system(), out);
             RawScanReader reader = new RawScanReader(cluster.bootstrapServers(), Duration.ofSeconds(30))) {
            RecordedScan scan = reader.find(scanId);
            out.printf("Exporting scan %s of tray %s (%d lines) as ENVI to %s%n", scanId,
                    scan.started().tray().trayId(), scan.lines(), dir.toAbsolutePath());
            out.flush();
            return EnviScanExport.export(reader, scan, dir);
        }
    }
}
