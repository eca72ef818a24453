package org.borderwatch.ingest.cli;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Stance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The packaged jar runs the offline command without starting Spring (no banner, no broker, a few seconds). */
class NormalizeJarIT {

    @Test
    void theJarNormalisesAFileWithoutSpring(@TempDir Path dir) throws Exception {
        Path jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(p -> p.getFileName().toString().matches("ingest-service-.*\\.jar")).findFirst()
                    .orElseThrow();
        }
        Path input = dir.resolve("statements.jsonl");
        Files.writeString(input, "{\"sourceRef\":\"j1\",\"source\":\"Ministry of Defence of Armenia\","
                + "\"publishedAt\":\"2024-06-22T12:40:00+04:00\",\"text\":\"The claim that Armenian units fired "
                + "towards Kalbajar on 21 June is false.\"}\n{oops\n");
        Path out = dir.resolve("out.jsonl");
        Path err = dir.resolve("err.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-jar", jar.toString(), "normalize", "--format", "statement",
                "--input", input.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(1);
        assertThat(Json.read(lines.get(0), IncidentReport.class).stance()).isEqualTo(Stance.DENIAL);
        String stderr = Files.readString(err);
        assertThat(stderr).contains("line 2: MALFORMED").doesNotContain("Spring").doesNotContain("Started");
        assertThat(new File(jar.toString())).exists();
    }
}
