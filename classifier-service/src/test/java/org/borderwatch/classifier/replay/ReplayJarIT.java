package org.borderwatch.classifier.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged jar runs the replay without Spring and without a broker: {@code java -jar ... replay}. */
class ReplayJarIT {

    static Path jar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("classifier-service-.*\\.jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-plain.jar")).findFirst().orElseThrow();
        }
    }

    static String run(List<String> args, Path stdin) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-jar", jar().toString(), "replay"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        if (stdin != null) {
            pb.redirectInput(stdin.toFile());
        }
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        return out;
    }

    @Test
    void replaysAFileAndStdinWithTheSameResult() throws Exception {
        Path fixture = Path.of("src/test/resources/fixtures/" + org.borderwatch.classifier.ScenarioIncidents.ALL);
        String fromFile = run(List.of("--input", fixture.toString()), null);
        String fromStdin = run(List.of(), fixture);
        org.borderwatch.classifier.ScenarioIncidents.assertIncidents(fromFile.lines().map(l ->
                org.borderwatch.common.json.Json.read(l, org.borderwatch.common.model.Assessment.class)).toList(),
                org.borderwatch.classifier.ScenarioIncidents.all());
        assertThat(fromStdin).isEqualTo(fromFile);
        String summary = run(List.of("--input", fixture.toString(), "--summary"), null);
        assertThat(summary).contains("UNCORROBORATED_SURGE",
                org.borderwatch.classifier.TestReports.fixture(org.borderwatch.classifier.ScenarioIncidents.ALL).size()
                        + " reports").doesNotContain("Spring");
        assertThat(new File(jar().toString())).exists();
    }
}
