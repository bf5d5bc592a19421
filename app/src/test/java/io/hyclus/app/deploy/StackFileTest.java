package io.hyclus.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Validates the deployable stack offline (no Docker engine here): Debian's {@code docker-compose} accepts the cluster
 * file alone and with the stack file; Prometheus scrapes every HyClus process; two or more segmentation instances;
 * published ports on loopback; Grafana's provisioned dashboard uses the provisioned datasource.
 */
class StackFileTest {
    private static final Path ROOT = Path.of(System.getProperty("hyclus.root.dir", ".."));
    private static final Path DOCKER = ROOT.resolve("docker");
    private static final Path COMPOSE = Path.of("/usr/bin/docker-compose");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static String compose(String... files) throws IOException, InterruptedException {
        if (!Files.isExecutable(COMPOSE)) {
            fail(COMPOSE + " is missing: the stack is validated with Debian's docker-compose (apt-get install "
                    + "docker-compose; .ci/run installs it)");
        }
        List<String> cmd = new ArrayList<>(List.of(COMPOSE.toString()));
        for (String f : files) {
            cmd.add("-f");
            cmd.add(DOCKER.resolve(f).toString());
        }
        cmd.addAll(List.of("config", "-q"));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "docker-compose config did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }

    @Test
    void dockerCompose_acceptsTheClusterAlone_andWithTheStack() throws Exception {
        compose("compose.yml");
        compose("compose.yml", "compose.stack.yml");
    }

    private static JsonNode stack() throws IOException {
        return YAML.readTree(DOCKER.resolve("compose.stack.yml").toFile()).get("services");
    }

    private static List<String> command(JsonNode service) {
        List<String> c = new ArrayList<>();
        service.get("command").forEach(n -> c.add(n.asText()));
        return c;
    }

    private static String after(List<String> command, String option) {
        int i = command.indexOf(option);
        return i < 0 ? null : command.get(i + 1);
    }

    @Test
    void prometheus_scrapesEveryHyclusProcessThatServesMetrics() throws IOException {
        Set<String> expected = new HashSet<>();
        stack().fields().forEachRemaining(e -> {
            if (!e.getValue().has("command")) {
                return;
            }
            List<String> c = command(e.getValue());
            if (after(c, "--metrics-port") != null) {
                assertEquals("0.0.0.0", after(c, "--metrics-host"), e.getKey() + " must listen beyond loopback in its container");
                expected.add(e.getKey() + ":" + after(c, "--metrics-port"));
            }
            if (c.get(0).equals("dashboard")) {
                expected.add(e.getKey() + ":" + after(c, "--http-port"));
            }
        });
        Set<String> scraped = new HashSet<>();
        YAML.readTree(DOCKER.resolve("prometheus.yml").toFile()).get("scrape_configs").forEach(j ->
                j.get("static_configs").forEach(sc -> sc.get("targets").forEach(t -> scraped.add(t.asText()))));
        assertEquals(expected, scraped);
        assertTrue(expected.size() >= 5, "segment x2, encode, map, dashboard: " + expected);
    }

    @Test
    void twoOrMoreSegmentInstances_eachWithItsOwnWorkDir() throws IOException {
        Set<String> workDirs = new HashSet<>();
        int[] segments = {0};
        stack().fields().forEachRemaining(e -> {
            if (e.getValue().has("command") && command(e.getValue()).get(0).equals("segment")) {
                segments[0]++;
                assertTrue(workDirs.add(after(command(e.getValue()), "--work-dir")), e.getKey() + " shares a work dir");
            }
        });
        assertTrue(segments[0] >= 2, segments[0] + " segment instances");
    }

    @Test
    void publishedPorts_areOnLoopbackOnly() throws IOException {
        stack().fields().forEachRemaining(e -> {
            if (e.getValue().has("ports")) {
                e.getValue().get("ports").forEach(p -> assertTrue(p.asText().startsWith("127.0.0.1:"),
                        e.getKey() + " publishes " + p.asText()));
            }
        });
    }

    @Test
    void grafana_dashboardUsesTheProvisionedDatasource_andHyclusMetrics() throws IOException {
        String uid = YAML.readTree(DOCKER.resolve("grafana/provisioning/datasources/prometheus.yml").toFile())
                .get("datasources").get(0).get("uid").asText();
        JsonNode dash = new ObjectMapper().readTree(DOCKER.resolve("grafana/dashboards/hyclus.json").toFile());
        assertTrue(dash.get("panels").size() >= 8);
        dash.get("panels").forEach(p -> {
            assertEquals(uid, p.get("datasource").get("uid").asText(), p.get("title").asText());
            assertTrue(p.get("targets").size() > 0 && p.get("targets").get(0).get("expr").asText().matches(".*(hyclus_|kafka_|jvm_).*"),
                    p.get("title").asText());
        });
    }
}
