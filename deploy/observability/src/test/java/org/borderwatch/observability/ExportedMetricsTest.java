package org.borderwatch.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The list of exported metrics is well formed and stays in step with the services' meter-name constants. */
class ExportedMetricsTest {

    private static final Map<String, String> METRICS_CLASSES = Map.of(
            "ingest-service", "ingest-service/src/main/java/org/borderwatch/ingest/metrics/IngestMetrics.java",
            "classifier-service", "classifier-service/src/main/java/org/borderwatch/classifier/metrics/ClassifierMetrics.java",
            "alert-service", "alert-service/src/main/java/org/borderwatch/alert/AlertMetrics.java");
    private static final Pattern CONSTANT =
            Pattern.compile("static final String (\\w+) = \"(borderwatch\\.[a-z0-9_.]+)\"");
    private static final List<String> SUFFIXES = List.of("", "_total", "_seconds", "_seconds_count", "_seconds_sum",
            "_seconds_max", "_seconds_bucket");

    private final ExportedMetrics exported = ExportedMetrics.load();

    @Test
    void hasOneSectionPerService() {
        assertThat(exported.byService()).containsOnlyKeys(METRICS_CLASSES.keySet());
        exported.byService().forEach((service, names) ->
                assertThat(names).as(service).containsKeys("jvm_memory_used_bytes", "process_uptime_seconds"));
    }

    @Test
    void everyMeterConstantOfAServiceIsListedUnderThatService() {
        METRICS_CLASSES.forEach((service, source) -> {
            Map<String, String> meters = meterConstants(source);
            assertThat(meters).as("meter constants in " + source).isNotEmpty();
            meters.forEach((constant, meter) -> {
                String base = meter.replace('.', '_');
                assertThat(SUFFIXES.stream().map(s -> base + s))
                        .as("%s.%s (%s) in section %s", source, constant, meter, service)
                        .anyMatch(exported.byService().get(service)::containsKey);
            });
        });
    }

    @Test
    void everyListedBorderwatchMetricComesFromAMeterConstantOfItsService() {
        exported.byService().forEach((service, names) -> {
            var bases = new TreeSet<>(meterConstants(METRICS_CLASSES.get(service)).values().stream()
                    .map(m -> m.replace('.', '_')).toList());
            names.keySet().stream().filter(n -> n.startsWith("borderwatch_")).forEach(name ->
                    assertThat(SUFFIXES.stream().anyMatch(s -> name.endsWith(s)
                            && bases.contains(name.substring(0, name.length() - s.length()))))
                            .as("%s in section %s is the Prometheus name of a meter in %s", name, service,
                                    METRICS_CLASSES.get(service))
                            .isTrue());
        });
    }

    @Test
    void parserRefusesMalformedLines() {
        assertThatThrownBy(() -> ExportedMetrics.parse("up\n")).hasMessageContaining("outside any service section");
        assertThatThrownBy(() -> ExportedMetrics.parse("# service: a\nm 1\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> ExportedMetrics.parse("# service: a\nm\nm\n")).hasMessageContaining("twice");
        assertThat(ExportedMetrics.parse("# service: a\nm after-first-event\n# service: b\nm\n").byService())
                .containsEntry("a", Map.of("m", true)).containsEntry("b", Map.of("m", false));
    }

    private static Map<String, String> meterConstants(String relative) {
        Path source = Repo.file(relative);
        Map<String, String> constants = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(source)) {
            lines.forEach(line -> {
                Matcher m = CONSTANT.matcher(line);
                if (m.find()) {
                    constants.put(m.group(1), m.group(2));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return constants;
    }
}
