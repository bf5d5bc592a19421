package io.hyclus.app.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An offline lint of docker/Dockerfile (hadolint is not packaged for Debian): the rules that matter for this image,
 * each named like hadolint's where one exists. Pinned base image (DL3006/DL3007), apt without recommends and with its
 * lists removed (DL3015/DL3009), COPY not ADD (DL3020), a non-root USER before the entrypoint (DL3002), exec-form
 * ENTRYPOINT (DL3025), and COPY sources that the build context (Dockerfile.dockerignore) actually admits.
 */
class DockerfileLintTest {
    private static final Path DOCKER = Path.of(System.getProperty("hyclus.root.dir", "..")).resolve("docker");
    private static List<String> instructions;

    /** The Dockerfile's instructions, continuation lines joined, comments dropped. */
    @BeforeAll
    static void parse() throws IOException {
        instructions = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String line : Files.readAllLines(DOCKER.resolve("Dockerfile"))) {
            String t = line.strip();
            if (t.startsWith("#") || (t.isEmpty() && cur.length() == 0)) {
                continue;
            }
            cur.append(t.endsWith("\\") ? t.substring(0, t.length() - 1) + " " : t);
            if (!t.endsWith("\\")) {
                instructions.add(cur.toString().strip());
                cur.setLength(0);
            }
        }
    }

    private static List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.toUpperCase().startsWith(keyword + " ")).toList();
    }

    @Test
    void baseImage_isPinnedToAVersionTag() {
        for (String from : all("FROM")) {
            String image = from.split("\\s+")[1];
            assertTrue(image.contains(":") && !image.endsWith(":latest"), "unpinned base image: " + from);
        }
    }

    @Test
    void apt_installsWithoutRecommends_andRemovesItsLists() {
        for (String run : all("RUN")) {
            if (run.contains("apt-get install")) {
                assertTrue(run.contains("--no-install-recommends"), run);
                assertTrue(run.contains("-y"), run);
                assertTrue(run.contains("rm -rf /var/lib/apt/lists/*"), run);
                assertTrue(run.contains("apt-get update"), "update and install in one layer: " + run);
            }
        }
    }

    @Test
    void copyNotAdd_andEveryCopySourceIsAdmittedByTheIgnoreFile() throws IOException {
        assertEquals(List.of(), all("ADD"));
        List<String> admitted = Files.readAllLines(DOCKER.resolve("Dockerfile.dockerignore")).stream()
                .filter(l -> l.startsWith("!")).map(l -> l.substring(1)).toList();
        for (String copy : all("COPY")) {
            String src = copy.split("\\s+")[1];
            assertTrue(admitted.contains(src), src + " is not admitted by Dockerfile.dockerignore " + admitted);
        }
    }

    @Test
    void runsAsNonRootUser_withAnExecFormEntrypoint() {
        int user = -1;
        int entry = -1;
        for (int i = 0; i < instructions.size(); i++) {
            String s = instructions.get(i);
            if (s.startsWith("USER ")) {
                user = i;
                assertFalse(s.equals("USER root") || s.equals("USER 0"), s);
            }
            if (s.startsWith("ENTRYPOINT ")) {
                entry = i;
                assertTrue(s.substring("ENTRYPOINT ".length()).startsWith("["), "exec form: " + s);
            }
        }
        assertTrue(user >= 0 && entry > user, "a non-root USER before ENTRYPOINT");
    }
}
