package org.borderwatch.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.cli.NormalizeCommand;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.source.SourceRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * The gazetteer and the source registry are data files with built-in defaults that an operator replaces by a path in
 * configuration ({@code ingest.gazetteer}, {@code ingest.sources}) or on the offline command line
 * ({@code normalize --gazetteer --sources}). The files here know one invented village and one invented publisher the
 * built-in data does not, and none of the built-in ones: a statement naming both is placed and attributed through the
 * files, and a built-in place is no longer known (the file replaces the built-in data, it does not add to it).
 */
class ReferenceDataOverrideTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC);

    private static final String GAZETTEER = """
            {"version": 1, "places": [
              {"id": "zorvan", "name": "Zorvan", "country": "AZ", "kind": "VILLAGE", "segments": ["TAVUSH"],
               "aliases": {"en": ["Zorvan village"]}}
            ]}
            """;
    private static final String SOURCES = """
            {"version": 1, "sources": [
              {"id": "lighthouse-mod", "name": "Ministry of Lighthouses", "kind": "PARTY_OFFICIAL", "party": "AZ",
               "aliases": ["Lighthouse Ministry"]}
            ]}
            """;

    /** Names the invented village and is published by the invented ministry. */
    private static final String STATEMENT = statement("ref-override", "Ministry of Lighthouses",
            "On 16 March at 09:35 Armenian units in Zorvan fired at our positions.");
    /** Names a built-in place (Digh), published by a built-in source. */
    private static final String BUILT_IN_STATEMENT = statement("ref-built-in", "Ministry of Defence of Azerbaijan",
            "On 16 March at 09:35 Armenian units in Digh fired at our positions.");

    private static String statement(String ref, String source, String text) {
        return "{\"sourceRef\":\"" + ref + "\",\"source\":\"" + source + "\","
                + "\"publishedAt\":\"2025-03-16T10:20:00+04:00\",\"language\":\"en\",\"text\":\"" + text + "\"}";
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(IngestPropertiesTest.Wiring.class, IngestConfiguration.class);

    private static IncidentReport normalize(IngestCore core, String statement) {
        return core.pipeline().processRecord(InputFormat.STATEMENT, statement.getBytes(StandardCharsets.UTF_8), "t")
                .published().get(0);
    }

    private static Path write(Path dir, String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void filesGivenInTheServiceConfigurationReplaceTheBuiltInData(@TempDir Path dir) throws Exception {
        Path gazetteer = write(dir, "places.json", GAZETTEER);
        Path sources = write(dir, "publishers.json", SOURCES);

        // without the files: the built-in data, which knows neither
        runner.run(context -> {
            IncidentReport r = normalize(context.getBean(IngestCore.class), STATEMENT);
            assertThat(r.location().segments()).containsExactly(BorderSegment.UNRESOLVED);
            assertThat(r.source().id()).startsWith(SourceRegistry.UNREGISTERED_PREFIX);
            assertThat(normalize(context.getBean(IngestCore.class), BUILT_IN_STATEMENT).location().segments())
                    .containsExactly(BorderSegment.SYUNIK_EAST);
        });

        runner.withPropertyValues("ingest.gazetteer=" + gazetteer, "ingest.sources=" + sources).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(Gazetteer.class).places()).extracting(p -> p.id()).containsExactly("zorvan");
            assertThat(context.getBean(SourceRegistry.class).all()).extracting(s -> s.id())
                    .containsExactly("lighthouse-mod");
            IngestCore core = context.getBean(IngestCore.class);
            IncidentReport r = normalize(core, STATEMENT);
            assertThat(r.location().segments()).containsExactly(BorderSegment.TAVUSH);
            assertThat(r.source().id()).isEqualTo("lighthouse-mod");
            assertThat(r.source().kind()).isEqualTo(SourceKind.PARTY_OFFICIAL);
            assertThat(r.source().party()).isEqualTo(Party.AZ);
            // replaced, not merged: the built-in place and publisher are unknown now
            IncidentReport builtIn = normalize(core, BUILT_IN_STATEMENT);
            assertThat(builtIn.location().segments()).containsExactly(BorderSegment.UNRESOLVED);
            assertThat(builtIn.source().id()).startsWith(SourceRegistry.UNREGISTERED_PREFIX);
        });
    }

    @Test
    void aMissingFileStopsTheStartNamingIt(@TempDir Path dir) {
        Path missing = dir.resolve("no-such-gazetteer.json");
        runner.withPropertyValues("ingest.gazetteer=" + missing).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining(missing.getFileName().toString()));
    }

    @Test
    void filesGivenToTheNormalizeCommandReplaceTheBuiltInData(@TempDir Path dir) throws Exception {
        Path gazetteer = write(dir, "places.json", GAZETTEER);
        Path sources = write(dir, "publishers.json", SOURCES);
        String input = STATEMENT + "\n" + BUILT_IN_STATEMENT + "\n";

        List<IncidentReport> builtIn = normalizeCommand(input);
        assertThat(builtIn).extracting(r -> r.location().segments())
                .containsExactly(List.of(BorderSegment.UNRESOLVED), List.of(BorderSegment.SYUNIK_EAST));

        List<IncidentReport> overridden = normalizeCommand(input, "--gazetteer", gazetteer.toString(),
                "--sources", sources.toString());
        assertThat(overridden).extracting(r -> r.location().segments())
                .containsExactly(List.of(BorderSegment.TAVUSH), List.of(BorderSegment.UNRESOLVED));
        assertThat(overridden.get(0).source().id()).isEqualTo("lighthouse-mod");
        assertThat(overridden.get(1).source().id()).startsWith(SourceRegistry.UNREGISTERED_PREFIX);
    }

    private static List<IncidentReport> normalizeCommand(String stdin, String... options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 2];
        args[0] = "--format";
        args[1] = "statement";
        System.arraycopy(options, 0, args, 2, options.length);
        int code = NormalizeCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                CLOCK);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().map(l -> Json.read(l, IncidentReport.class)).toList();
    }
}
