package org.borderwatch.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.pipeline.IngestLimits;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.statement.AdversarialStatements;
import org.borderwatch.ingest.statement.RuleLimits;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code ingest.*} limits: their defaults are the plain-Java defaults the offline command uses, out-of-range
 * values stop the start, and a changed limit reaches the rules. A small context (the properties and the core's
 * wiring only, no broker), not the integration tests' application context.
 */
class IngestPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IngestProperties.class)
    static class Wiring {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        Clock clock() {
            return Clock.fixed(Instant.parse("2025-04-01T00:00:00Z"), ZoneOffset.UTC);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Wiring.class, IngestConfiguration.class);

    /** The claim's place is named only after 3,000 characters of background. */
    private static final String LATE_PLACE = "On 16 March at 09:35 Armenian units fired at our positions. "
            + "The situation along the line of contact remains tense. ".repeat(55)
            + "The fire was opened from the direction of Digh.";

    @Test
    void theDefaultsAreTheOnesTheOfflineCommandUses() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            IngestProperties p = context.getBean(IngestProperties.class);
            assertThat(p.rules().toLimits()).isEqualTo(RuleLimits.DEFAULTS);
            assertThat(RuleLimits.DEFAULTS).isEqualTo(new RuleLimits(65_536, 8));
            assertThat(p.rejected().maxPayload()).isEqualTo(DataSize.ofKilobytes(900));
            assertThat(p.maxRecordSize().toBytes()).isEqualTo(IngestLimits.DEFAULTS.maxRecordBytes());
            assertThat(p.clockSkew()).isEqualTo(IngestLimits.DEFAULTS.clockSkew());
            assertThat(p.earliestYear()).isEqualTo(IngestLimits.DEFAULTS.earliest().getYear());
            assertThat(p.occurredAfterPublished()).isEqualTo(IngestLimits.DEFAULTS.occurredAfterPublished());
            assertThat(p.readinessGauge().interval()).isEqualTo(java.time.Duration.ofSeconds(15));
            assertThat(p.publishThreads()).isEqualTo(8);
        });
    }

    @Test
    void startUpRemembersCorrectionsFarLongerThanTheDuplicateWindowAndNeverLessThanIt() {
        runner.run(context -> {
            IngestProperties.Dedup d = context.getBean(IngestProperties.class).dedup();
            assertThat(d.window()).isEqualTo(java.time.Duration.ofHours(24));
            assertThat(d.correctionMemory()).isEqualTo(java.time.Duration.ofDays(400));
            assertThat(d.startupRead()).isEqualTo(java.time.Duration.ofDays(400));
        });
        runner.withPropertyValues("ingest.dedup.window=72h", "ingest.dedup.correction-memory=2d").run(context ->
                assertThat(context.getBean(IngestProperties.class).dedup().startupRead())
                        .isEqualTo(java.time.Duration.ofHours(72)));
    }

    @Test
    void outOfRangeLimitsStopTheStartNamingTheProperty() {
        java.util.Map<String, String> badToField = new java.util.LinkedHashMap<>();
        badToField.put("ingest.rules.max-mark-run=0", "rules.maxMarkRun");
        badToField.put("ingest.rules.max-mark-run=101", "rules.maxMarkRun");
        badToField.put("ingest.rules.max-text-chars=100", "rules.maxTextChars");
        badToField.put("ingest.rejected.max-payload=10B", "rejected.maxPayloadInRange");
        badToField.put("ingest.rejected.max-payload=1GB", "rejected.maxPayloadInRange");
        badToField.put("ingest.readiness-gauge.interval=0s", "readinessGauge.intervalPositive");
        badToField.put("ingest.occurred-after-published=-1m", "occurredAfterPublishedNotNegative");
        badToField.put("ingest.readiness-gauge.interval=-5s", "readinessGauge.intervalPositive");
        badToField.put("ingest.publish-threads=0", "publishThreads");
        badToField.put("ingest.publish-threads=1001", "publishThreads");
        badToField.forEach((bad, field) -> runner.withPropertyValues(bad).run(context -> assertThat(context).as(bad)
                .hasFailed().getFailure().rootCause().hasMessageContaining("field '" + field + "'")));
        runner.withPropertyValues("ingest.readiness-gauge.interval=0s").run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("ingest.readiness-gauge.interval must be positive"));
        runner.withPropertyValues("ingest.rules.max-mark-run=3", "ingest.rejected.max-payload=512KB",
                        "ingest.readiness-gauge.interval=500ms", "ingest.publish-threads=1")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void aChangedTextLimitReachesTheRules() {
        runner.run(context -> assertThat(place(context.getBean(IngestCore.class)))
                .containsExactly(BorderSegment.SYUNIK_EAST));
        runner.withPropertyValues("ingest.rules.max-text-chars=2048", "ingest.max-record-size=64KB")
                .run(context -> {
                    IngestCore core = context.getBean(IngestCore.class);
                    IncidentReport report = core.pipeline().processRecord(InputFormat.STATEMENT,
                            AdversarialStatements.record(LATE_PLACE), "t").published().get(0);
                    assertThat(report.location().segments()).as("the place lies beyond what the rules read")
                            .containsExactly(BorderSegment.UNRESOLVED);
                    assertThat(report.text()).as("the report keeps the whole text").isEqualTo(LATE_PLACE);
                });
    }

    /** A raw topic's allow-list binds per format; a key that is no format stops the start. */
    @Test
    void theRawTopicsAllowListsBindPerFormat() {
        runner.withPropertyValues("ingest.kafka.allowed-sources.statement=am-mod,az-mod").run(context -> {
            IngestProperties p = context.getBean(IngestProperties.class);
            assertThat(p.kafka().permission(InputFormat.STATEMENT, "raw.s").allows(InputFormat.STATEMENT, "euma",
                    true)).isFalse();
            assertThat(p.kafka().permission(InputFormat.STATEMENT, "raw.s").allows(InputFormat.STATEMENT, "am-mod",
                    true)).isTrue();
            assertThat(p.kafka().permission(InputFormat.CANONICAL, "raw.c").allows(InputFormat.CANONICAL, "euma",
                    true)).as("a format without a list carries any source").isTrue();
        });
        runner.withPropertyValues("ingest.kafka.allowed-sources.statements=am-mod").run(context ->
                assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("allowed-sources keys must be formats"));
    }

    /** allow-unregistered: true unless a key sets it to false (as before the setting existed). */
    @Test
    void aKeyMaySendUnregisteredPublishersUnlessItSaysOtherwise() {
        runner.withPropertyValues("ingest.api.keys[0].partner=a", "ingest.api.keys[0].key=key-a",
                "ingest.api.keys[0].formats=statement", "ingest.api.keys[1].partner=b", "ingest.api.keys[1].key=key-b",
                "ingest.api.keys[1].formats=statement", "ingest.api.keys[1].sources=euma",
                "ingest.api.keys[1].allow-unregistered=false").run(context -> {
            IngestProperties p = context.getBean(IngestProperties.class);
            assertThat(p.api().keys().get(0).allowUnregistered()).isTrue();
            assertThat(p.api().keys().get(0).permission().allows(InputFormat.STATEMENT, "unregistered/x", false))
                    .isTrue();
            assertThat(p.api().keys().get(1).allowUnregistered()).isFalse();
            assertThat(p.api().keys().get(1).permission().allows(InputFormat.STATEMENT, "unregistered/x", false))
                    .isFalse();
            assertThat(p.api().keys().get(1).permission().allows(InputFormat.STATEMENT, "euma", true)).isTrue();
        });
    }

    /**
     * The local profile's development key (the one the documented curl examples and the demo use) sends every format
     * of every source: granted explicitly, since a key without sources sends no registry source's reports.
     */
    @Test
    void theLocalProfilesKeyIsGrantedEveryFormatAndEverySource() throws Exception {
        var local = new org.springframework.boot.env.YamlPropertySourceLoader().load("application-local.yml",
                new org.springframework.core.io.ClassPathResource("application-local.yml"));
        runner.withInitializer(context -> local.forEach(ps -> context.getEnvironment().getPropertySources()
                .addFirst(ps))).run(context -> {
            IngestProperties p = context.getBean(IngestProperties.class);
            IngestProperties.ApiKey key = new org.borderwatch.ingest.api.ApiKeys(p.api()).partner("local-dev-key")
                    .orElseThrow();
            assertThat(key.partner()).isEqualTo("local-dev");
            for (InputFormat f : InputFormat.values()) {
                assertThat(org.borderwatch.ingest.api.ApiKeys.allows(key, f)).as(f.id()).isTrue();
            }
            for (String source : java.util.List.of("euma", "az-mod", "am-mod", "acled", "reuters")) {
                assertThat(key.permission().allows(InputFormat.STATEMENT, source, true)).as(source).isTrue();
            }
        });
    }

    private static java.util.List<BorderSegment> place(IngestCore core) {
        return place(core, LATE_PLACE);
    }

    private static java.util.List<BorderSegment> place(IngestCore core, String text) {
        return core.pipeline().processRecord(InputFormat.STATEMENT, AdversarialStatements.record(text), "t")
                .published().get(0).location().segments();
    }
}
