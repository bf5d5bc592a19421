package io.hyclus.app.dashboard;

import io.hyclus.app.demo.DemoPipeline;
import io.hyclus.app.demo.DemoResult;
import io.hyclus.app.demo.DemoSettings;
import io.hyclus.app.pipeline.DashboardAddress;
import io.hyclus.container.SampleSpectra;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard in a real browser (Debian's headless Chromium): the page is opened before a demo scan starts; during
 * the scan the VNIR waterfall grows row by row, and afterwards the scanned samples are on the live map, all without a
 * reload (a marker set in the page at the start is still there). Screenshots are kept in target/ as artefacts.
 */
@Timeout(400)
class DashboardBrowserIT {
    private static final Path ARTEFACTS = Path.of("target", "dashboard-it");

    @TempDir
    Path work;

    @Test
    void demoScan_waterfallGrows_andSamplesAppearOnTheMap_withoutReload() throws Exception {
        Files.createDirectories(ARTEFACTS);
        // 224 VNIR bands: the pretrained VNIR model's grid, so the map (VNIR codes) gets both samples
        DemoSettings s = new DemoSettings(work.resolve("w"), Optional.empty(), Optional.empty(), 2, 7, 128, 224, 0.5,
                Duration.ofSeconds(240), true);
        StringWriter log = new StringWriter();
        try (DemoPipeline demo = DemoPipeline.start(s, Optional.of(new DashboardAddress("127.0.0.1", 0)),
                InstantSource.system(), new PrintWriter(log, true))) {
            String url = demo.dashboardUrl().orElseThrow();
            ChromeDriver browser = HeadlessChromium.start(work.resolve("chromium-profile"));
            try {
                browser.get(url);
                JavascriptExecutor js = browser;
                js.executeScript("window.__hyclusNoReload = 'still here';");
                await(browser, "the page to connect", () -> text(browser, "conn").equals("live"));
                assertEquals("0", text(browser, "map-samples"), "the map is empty before the scan");

                CompletableFuture<DemoResult> scan = CompletableFuture.supplyAsync(() -> {
                    try {
                        return demo.runScan();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                });
                // the waterfall grows during the scan: a partial count, then a larger one, before the scan is done
                await(browser, "a first VNIR waterfall row", () -> rows(browser) > 0);
                int first = rows(browser);
                Set<Integer> seen = new TreeSet<>();
                seen.add(first);
                boolean midScanShot = false;
                while (!text(browser, "scan-state").startsWith("completed")) {
                    seen.add(rows(browser));
                    if (!midScanShot && rows(browser) > first) {
                        Files.write(ARTEFACTS.resolve("during-scan.png"), browser.getScreenshotAs(OutputType.BYTES));
                        midScanShot = true;
                    }
                    Thread.sleep(50);
                }
                int total = rows(browser);
                assertTrue(seen.stream().anyMatch(n -> n > 0 && n < total) && seen.size() >= 2,
                        "the waterfall grew in steps during the scan: counts seen " + seen + ", final " + total);

                DemoResult result = scan.get(300, TimeUnit.SECONDS);
                Set<String> scanned = result.samples().stream().map(SampleSpectra::metadata)
                        .map(m -> m.sampleId()).collect(Collectors.toCollection(TreeSet::new));
                await(browser, "the scanned samples on the map", () -> mapIds(browser).equals(scanned));
                assertTrue(Integer.parseInt(text(browser, "map-points")) > 0, "points on the map");
                // slot outlines: one per slot, the last state reached is at least 'written'
                assertEquals(3 * scanned.size(), browser.findElements(By.cssSelector("svg rect.slot")).size(),
                        "slot outlines on the three waterfalls: VNIR, SWIR and the stitched stream (docs/stitching.md)");
                // slot states reached 'written' at least; clicking a slot shows its spectra (mean ± sd) and codes
                for (var li : browser.findElements(By.cssSelector("#slots li"))) {
                    assertTrue(Set.of("WRITTEN", "ENCODED").contains(li.getAttribute("data-state")), li.getText());
                }
                // the cameras' temperatures, read by the scanner, on the page (the acquisition runs in this process)
                await(browser, "camera temperatures on the page", () -> text(browser, "stats").contains("vnir")
                        && text(browser, "stats").contains("°C"));
                String picked = scanned.iterator().next();
                browser.findElement(By.cssSelector("#slots li[data-sample='" + picked + "']")).click();
                await(browser, "the details of " + picked, () -> browser.findElements(By.cssSelector("#details .chart"))
                        .size() == 3 && browser.findElement(By.id("details")).getText().contains("codes VNIR"));
                assertTrue(browser.findElement(By.cssSelector("#details h2")).getText().equals(picked));
                assertEquals("still here", js.executeScript("return window.__hyclusNoReload;"), "no reload");
                Files.write(ARTEFACTS.resolve("after-scan.png"), browser.getScreenshotAs(OutputType.BYTES));

                // the same run scraped at /metrics: what the pipeline did, counted
                String metrics = new String(new java.net.URL(url + "metrics").openStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(scanned.size(), metric(metrics, "hyclus_samples_written_total"), metrics);
                assertEquals(scanned.size(), metric(metrics, "hyclus_encoder_samples_encoded_total"), metrics);
                assertEquals(scanned.size(), metric(metrics, "hyclus_samples_encoded_total{camera=\"VNIR\"}"), metrics);
                assertEquals(result.mapVersion(), metric(metrics, "hyclus_map_version"), metrics);
                assertEquals((double) result.scan().lines(),
                        metric(metrics, "hyclus_scanlines_total{camera=\"VNIR\"}"), metrics);
                // Kafka's own metrics through Micrometer's binders: the segmentation's Streams metrics, and consumer
                // metrics (Prometheus keeps one tag-key set per name, so consumers whose tags differ are not all there)
                assertTrue(Pattern.compile("(?m)^kafka_stream_\\w+").matcher(metrics).find(), "Kafka Streams metrics");
                Set<String> consumers = new TreeSet<>();
                Matcher c = Pattern.compile("(?m)^kafka_consumer_fetch_manager_records_consumed_total\\{.*client_id=\"([^\"]+)\"")
                        .matcher(metrics);
                while (c.find()) {
                    consumers.add(c.group(1));
                }
                assertTrue(!consumers.isEmpty(), "consumer metrics: " + consumers);
                // the acquisition in this process: no frame dropped by the in-process cameras, a calibration age
                assertEquals(0.0, metric(metrics, "hyclus_acquisition_frames_dropped_total{camera=\"vnir\"}"), metrics);
                double age = metric(metrics, "hyclus_acquisition_calibration_age_seconds{camera=\"vnir\"}");
                assertTrue(age >= 0 && age < 600, "calibration age " + age);
                assertTrue(metric(metrics, "hyclus_acquisition_lines_late_total") >= 0, metrics);
                double celsius = metric(metrics, "hyclus_acquisition_camera_temperature_celsius{camera=\"vnir\"}");
                assertTrue(celsius > 0 && celsius < 80, "VNIR camera temperature " + celsius);
            } finally {
                browser.quit();
            }
        }
    }

    private static double metric(String scrape, String name) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name)
                + " (\\S+)$").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static String text(ChromeDriver b, String id) {
        return b.findElement(By.id(id)).getText().trim();
    }

    private static int rows(ChromeDriver b) {
        var e = b.findElements(By.id("rows-VNIR"));
        return e.isEmpty() ? 0 : Integer.parseInt(e.get(0).getText().trim());
    }

    private static Set<String> mapIds(ChromeDriver b) {
        String ids = b.findElement(By.id("map-samples")).getAttribute("data-ids");
        return ids == null || ids.isBlank() ? Set.of() : new TreeSet<>(Set.of(ids.split(",")));
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    /** Bounded polling: the condition within 240 s, else a failure naming it. */
    private static void await(ChromeDriver b, String what, Check c) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (!c.ok()) {
            if (System.nanoTime() > deadline) {
                Files.write(ARTEFACTS.resolve("timeout.png"), b.getScreenshotAs(OutputType.BYTES));
                throw new AssertionError("timed out waiting for " + what + " (screenshot in " + ARTEFACTS + ")");
            }
            Thread.sleep(100);
        }
    }
}
