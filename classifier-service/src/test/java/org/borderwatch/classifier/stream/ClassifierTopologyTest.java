package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.borderwatch.classifier.ScenarioIncidents;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.engine.BlindRound;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.engine.ClassifierSettings;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.signal.Neighbours;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.topic.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassifierTopologyTest {

    static final TopologySettings TOPICS = new TopologySettings(Topics.NORMALIZED.name(), Topics.ASSESSMENTS.name(),
            Duration.ofHours(1));

    static final Clock CLOCK = Clock.fixed(java.time.Instant.parse("2026-11-22T12:00:00Z"),
            java.time.ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private TopologyTestDriver driver;
    private TestInputTopic<String, byte[]> in;
    private TestOutputTopic<String, byte[]> out;

    /** A test driver's configuration: exactly-once, as the service runs, with its state under {@code stateDir}. */
    static Properties driverProperties(String applicationId, Path stateDir) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return p;
    }

    @BeforeEach
    void start() {
        Properties p = driverProperties("classifier-test", stateDir);
        driver = new TopologyTestDriver(ClassifierTopology.build(TOPICS, ClassifierSettings.defaults(),
                Neighbours.fromClasspath(), new ClassifierMetrics(registry, CLOCK), CLOCK), p);
        in = driver.createInputTopic(TOPICS.inputTopic(), new StringSerializer(), new ByteArraySerializer());
        out = driver.createOutputTopic(TOPICS.outputTopic(), new StringDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private void send(IncidentReport r) {
        // the record timestamp is ingest's; the topology takes publishedAt from the value
        in.pipeInput(r.location().primarySegment().name(), Json.writeBytes(r), 0L);
    }

    private List<Assessment> drain() {
        List<Assessment> result = new ArrayList<>();
        out.readRecordsToList().forEach(kv -> {
            Assessment a = Json.read(kv.value(), Assessment.class);
            assertThat(kv.key()).isEqualTo(a.incidentId().toString());
            assertThat(kv.timestamp()).as("emission time, not stream time").isEqualTo(CLOCK.millis());
            result.add(a);
        });
        return result;
    }

    @Test
    void givesTheSameAssessmentsAsTheOfflineReplay() {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("all-scenarios.jsonl"));
        reports.sort(java.util.Comparator.comparing(IncidentReport::publishedAt));
        reports.forEach(this::send);
        List<Assessment> streamed = drain();
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        assertThat(streamed.stream().map(Replayer::json).toList())
                .isEqualTo(replayed.stream().map(Replayer::json).toList());
        Map<String, Assessment> finals = new LinkedHashMap<>();
        streamed.forEach(a -> finals.put(a.incidentId().toString(), a));
        ScenarioIncidents.assertIncidents(finals.values(), ScenarioIncidents.all());
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ClassifierTopology.STORE);
        assertThat(new String(store.get(ClassifierProcessor.STATE_KEY), StandardCharsets.UTF_8))
                .contains("\"streamTime\"");
        assertThat(registry.get(ClassifierMetrics.ASSESSMENTS).tags("occurrence", "REFUTED").counters())
                .isNotEmpty();
        assertThat(registry.get(ClassifierMetrics.SIGNALS).tag("type", "CLAIM_SURGE").counter().count())
                .isEqualTo(5.0);
    }

    @Test
    void theFurtherEventsStreamedGiveTheSameAssessmentsAsTheirReplay() {
        List<IncidentReport> reports = new ArrayList<>();
        for (String f : List.of("may-2021-incursion.jsonl", "july-2021-yeraskh-retaliation.jsonl",
                "november-2021-clashes.jsonl", "may-2023-spread.jsonl", "sotk-kut-2023-euma.jsonl",
                "tavush-2024-quiet-broken.jsonl", "september-2022-death-tolls.jsonl", "april-2023-tegh-crossfire.jsonl",
                "june-2023-tavush-corrections.jsonl", "august-2023-retaliation-reach.jsonl",
                "april-2025-unanswered-week.jsonl", "autumn-2021-quiet-edges.jsonl",
                "october-2023-nakhchivan-week.jsonl", "september-2022-kut-sotk.jsonl", "lachin-road-2023.jsonl",
                "tavush-2024-delimitation.jsonl", "november-2023-nakhchivan-front.jsonl", "may-2023-sotk-drone.jsonl",
                "march-2023-khankendi-road.jsonl", "winter-2024-quiet-spread.jsonl",
                "august-2022-karabakh-revenge.jsonl", "january-2023-tegh-sniper.jsonl",
                "spring-2023-euma-first-months.jsonl", "july-2021-verin-shorzha.jsonl",
                "summer-2021-mine-and-weekly-summary.jsonl")) {
            reports.addAll(TestReports.fixture(f));
        }
        reports.sort(Replayer.PUBLICATION_ORDER);
        reports.forEach(this::send);
        List<Assessment> streamed = drain();
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        assertThat(streamed.stream().map(Replayer::json).toList())
                .isEqualTo(replayed.stream().map(Replayer::json).toList());
        assertThat(streamed).anyMatch(a -> a.hasSignal(org.borderwatch.common.model.SignalType.QUIET_BROKEN));
    }

    @Test
    void theFifthRoundStreamedGivesTheSameAssessmentsAsItsReplay() {
        List<IncidentReport> reports = new ArrayList<>();
        for (String f : List.of("autumn-2025-coverage-before-claims.jsonl", "november-2025-media-relays.jsonl",
                "december-2025-front-and-retraction.jsonl", "2025-ararat-quiet-and-surge-edge.jsonl",
                "september-2025-late-answers.jsonl", "january-2026-variations.jsonl",
                "march-2022-counter-claims.jsonl", "january-2024-euma-weekly.jsonl", "september-2023-sotk-threat.jsonl",
                "may-2025-tavush-relays.jsonl", "autumn-2023-tavush-to-2024-corrected-place.jsonl")) {
            reports.addAll(TestReports.fixture(f));
        }
        reports.sort(Replayer.PUBLICATION_ORDER);
        reports.forEach(this::send);
        List<Assessment> streamed = drain();
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        assertThat(streamed.stream().map(Replayer::json).toList())
                .isEqualTo(replayed.stream().map(Replayer::json).toList());
        assertThat(streamed).anyMatch(a -> a.closed()
                && a.rationale().get(a.rationale().size() - 1).contains("corrected after the closure"));
    }

    /**
     * Ninth round: a signal counts once per incident, also when the incident's final version is corrected within the
     * grace of its closure (it used to count again with every corrected final version); and the report-to-assessment
     * latency is recorded from ingest's {@code receivedAt} to the (injected) clock.
     */
    @Test
    void aSignalCountsOncePerIncidentAlsoWhenItsClosedVersionIsCorrected() {
        IncidentReport killed = TestReports.claim(TestReports.AZ_MOD, "k", Party.AM, "2025-01-10T10:00",
                "2025-01-10T12:00", BorderSegment.SYUNIK_EAST).casualties(TestReports.killed(1, 0, Party.AZ))
                .receivedAt(java.time.OffsetDateTime.parse("2026-11-22T15:59:58+04:00")).build();
        send(killed);
        // another segment's claim moves stream time past the quiet period: the first incident closes
        send(TestReports.claim(TestReports.AZ_MOD, "far", Party.AM, "2025-01-18T10:00", "2025-01-18T12:00",
                BorderSegment.GEGHARKUNIK).build());
        // Armenia's denial within the grace of the closure corrects the closed incident's final version
        send(TestReports.denial(TestReports.AM_MOD, "d", "2025-01-19T09:00", Party.AZ, "2025-01-10", "2025-01-10",
                BorderSegment.SYUNIK_EAST).build());
        List<Assessment> versions = drain();
        assertThat(versions).filteredOn(a -> a.segment() == BorderSegment.SYUNIK_EAST && a.closed())
                .extracting(Assessment::occurrence).containsExactly(org.borderwatch.common.model.Occurrence.UNVERIFIED,
                        org.borderwatch.common.model.Occurrence.DISPUTED);
        assertThat(registry.get(ClassifierMetrics.SIGNALS).tag("type", "FATALITIES").counter().count())
                .isEqualTo(1.0);
        io.micrometer.core.instrument.Timer latency = registry.get(ClassifierMetrics.LATENCY).timer();
        assertThat(latency.count()).isGreaterThanOrEqualTo(1);
        assertThat(latency.max(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2.0);
    }

    /** Ninth round: the adversarial scenarios, streamed together, give the same versions as their replay. */
    @Test
    void theNinthRoundStreamedGivesTheSameAssessmentsAsItsReplay() {
        List<IncidentReport> reports = new ArrayList<>();
        org.borderwatch.classifier.engine.NinthRoundTestFixtures.NAMES.forEach(f -> reports.addAll(
                TestReports.fixture(f)));
        reports.sort(Replayer.PUBLICATION_ORDER);
        reports.forEach(this::send);
        List<Assessment> streamed = drain();
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        for (int i = 0; i < Math.min(streamed.size(), replayed.size()); i++) {
            assertThat(Replayer.json(streamed.get(i))).as("version " + i + " of " + replayed.size())
                    .isEqualTo(Replayer.json(replayed.get(i)));
        }
        assertThat(streamed.stream().map(Replayer::json).toList())
                .isEqualTo(replayed.stream().map(Replayer::json).toList());
        assertThat(streamed).anyMatch(a -> a.segment() == BorderSegment.UNRESOLVED
                && a.occurrence() == org.borderwatch.common.model.Occurrence.REFUTED);
    }

    /** The tenth round's scenarios (closure, corrections within grace, a long-span summary), streamed together. */
    @Test
    void theTenthRoundStreamedGivesTheSameAssessmentsAsItsReplay() {
        List<IncidentReport> reports = new ArrayList<>();
        org.borderwatch.classifier.engine.NinthRoundTestFixtures.TENTH.forEach(f -> reports.addAll(
                TestReports.fixture(f)));
        reports.sort(Replayer.PUBLICATION_ORDER);
        reports.forEach(this::send);
        List<Assessment> streamed = drain();
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        assertThat(streamed.stream().map(Replayer::json).toList())
                .isEqualTo(replayed.stream().map(Replayer::json).toList());
        assertThat(streamed).anyMatch(a -> a.closed() && a.rationale().get(a.rationale().size() - 1)
                .startsWith("Final version corrected after the closure"));
    }

    /**
     * The eleventh round's timelines that arrive out of publication order or hold corrections, each streamed on its
     * own in its order of arrival (an older revision arriving last, a denial arriving before its delayed claim): the
     * same finals as the core run in that order.
     */
    @Test
    void theEleventhRoundStreamedGivesTheSameFinalsAsTheCoreInTheSameOrder() {
        int streamed = 0;
        for (List<IncidentReport> timeline : org.borderwatch.classifier.engine.EleventhRoundTest.timelines()) {
            List<IncidentReport> sorted = new ArrayList<>(timeline);
            sorted.sort(Replayer.PUBLICATION_ORDER);
            if (sorted.equals(timeline) && timeline.stream().allMatch(r -> r.revision() == 1)) {
                continue; // in publication order without corrections: the replay rows say all (verify time)
            }
            driver.close();
            start();
            streamed++;
            timeline.forEach(this::send);
            List<Assessment> out = drain();
            ClassifierEngine engine = ClassifierEngine.withDefaults();
            List<Assessment> core = new ArrayList<>();
            timeline.forEach(r -> core.addAll(engine.process(r).assessments()));
            assertThat(new Replayer.Outcome(out, 0, 0, 0).finals()).isNotEmpty();
            assertThat(new Replayer.Outcome(out, 0, 0, 0).finals().stream().map(Replayer::json).toList())
                    .isEqualTo(new Replayer.Outcome(core, 0, 0, 0).finals().stream().map(Replayer::json).toList());
        }
        assertThat(streamed).isEqualTo(5);
    }

    /**
     * The rows of every round of blind rows (the twelfth, the thirteenth, held-out batches 55, 57, 62, 63, 69, 73, 87,
     * 98 and 102), each streamed on its own in its order of arrival (closures and an eviction by stream time, a denial
     * after the eviction, corrections, surges over five weeks, a late report merging two incidents, a correction moving
     * a claim out of a surge week, a claim published days after the claim it precedes, a calm of 39 days broken, a
     * correction moving a claim to another segment, a claim arriving hours behind the reports published after it, the
     * third segment of a SPREAD arriving after the reports published after it, a claim naming three segments at once
     * with tolls raised over two days): the same finals as the core run in that order.
     */
    @ParameterizedTest(name = "round {0}")
    @ValueSource(ints = {12, 13, 55, 57, 62, 63, 69, 73, 87, 98, 102})
    void theBlindRoundsStreamedGiveTheSameFinalsAsTheCoreInTheSameOrder(int number) {
        int streamed = 0;
        for (BlindRound.Row row : BlindRound.of(number).rows()) {
            driver.close();
            start();
            streamed++;
            row.arriving().forEach(this::send);
            List<Assessment> out = drain();
            ClassifierEngine engine = ClassifierEngine.withDefaults();
            List<Assessment> core = new ArrayList<>();
            row.arriving().forEach(r -> core.addAll(engine.process(r).assessments()));
            List<Assessment> finals = new Replayer.Outcome(out, 0, 0, 0).finals();
            assertThat(finals).as(row.id()).hasSize(row.expected().size());
            assertThat(finals.stream().map(Replayer::json).toList()).as(row.id())
                    .isEqualTo(new Replayer.Outcome(core, 0, 0, 0).finals().stream().map(Replayer::json).toList());
        }
        assertThat(streamed).isEqualTo(number > 50 ? 1 : 20); // a held-out batch is one stream of a fortnight
    }

    /**
     * What leaves the topology names the statements behind each verdict (source, stance, publication time, link) and
     * is a valid ASSESSMENT; the store keeps what the evidence needs of each report (its URL included, not its text).
     */
    @Test
    void emittedAssessmentsCarryTheirEvidenceAndValidateAgainstTheSchema() {
        IncidentReport claim = TestReports.claim(TestReports.AZ_MOD, "ev-a", Party.AM, "2025-01-10T10:00",
                "2025-01-10T12:00", BorderSegment.SYUNIK_EAST).url("https://example.org/az/ev-a")
                .text("Fire from the other side at about 10:00.").build();
        IncidentReport patrols = TestReports.observer(TestReports.EUMA, "ev-o",
                org.borderwatch.common.model.Stance.REFUTATION, "2025-01-10T18:00", "2025-01-10", "2025-01-10",
                BorderSegment.SYUNIK_EAST).build();
        IncidentReport denial = TestReports.denial(TestReports.AM_MOD, "ev-d", "2025-01-11T09:00", Party.AZ,
                "2025-01-10", "2025-01-10", BorderSegment.SYUNIK_EAST).url("https://example.org/am/ev-d").build();
        List.of(claim, patrols, denial).forEach(this::send);
        List<String> values = new ArrayList<>();
        out.readRecordsToList().forEach(kv -> values.add(new String(kv.value(), StandardCharsets.UTF_8)));
        assertThat(values).hasSize(3);
        for (String json : values) {
            assertThat(org.borderwatch.common.schema.JsonSchemas.validate(
                    org.borderwatch.common.schema.JsonSchemas.ASSESSMENT, json)).as(json).isEmpty();
            assertThat(json).contains("\"evidence\":[");
        }
        Assessment last = Json.read(values.get(2), Assessment.class);
        assertThat(last.evidence()).extracting(e -> e.reportId(), e -> e.stance(), e -> e.source().id(),
                e -> e.url()).containsExactly(
                org.assertj.core.groups.Tuple.tuple(claim.reportId(), org.borderwatch.common.model.Stance.CLAIM,
                        "az-mod", "https://example.org/az/ev-a"),
                org.assertj.core.groups.Tuple.tuple(patrols.reportId(),
                        org.borderwatch.common.model.Stance.REFUTATION, "euma", null),
                org.assertj.core.groups.Tuple.tuple(denial.reportId(), org.borderwatch.common.model.Stance.DENIAL,
                        "am-mod", "https://example.org/am/ev-d"));
        assertThat(last.evidence().get(0).publishedAt()).isEqualTo(claim.publishedAt());
        // the emitted bytes are the replay's
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults())
                .replay(List.of(claim, patrols, denial)).versions();
        assertThat(values).isEqualTo(replayed.stream().map(Replayer::json).toList());
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ClassifierTopology.STORE);
        assertThat(new String(store.get(ClassifierProcessor.REPORT_PREFIX + claim.reportId()), StandardCharsets.UTF_8))
                .contains("https://example.org/az/ev-a").doesNotContain("about 10:00");
    }

    @Test
    void aLateReportWithinGraceUpdatesItsIncidentAndAnOlderOneIsAssessedAlone() {
        send(TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00",
                BorderSegment.SYUNIK_EAST).build());
        send(TestReports.claim(TestReports.AZ_MOD, "b", Party.AM, "2025-01-14T10:00", "2025-01-14T12:00",
                BorderSegment.TAVUSH).build());
        Assessment first = drain().get(0);
        // published two days behind stream time: joins the 10 January incident
        send(TestReports.denial(TestReports.AM_MOD, "d", "2025-01-12T09:00", Party.AZ, "2025-01-10", "2025-01-10",
                BorderSegment.SYUNIK_EAST).build());
        assertThat(drain()).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(first.incidentId());
            assertThat(a.version()).isEqualTo(2);
        });
        // published more than seven days behind stream time: assessed alone, counted
        send(TestReports.claim(TestReports.AZ_MOD, "old", Party.AM, "2025-01-05T10:00", "2025-01-05T12:00",
                BorderSegment.SYUNIK_EAST).build());
        assertThat(drain()).singleElement().satisfies(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.incidentId()).isNotEqualTo(first.incidentId());
        });
        assertThat(registry.get(ClassifierMetrics.LATE_REPORTS).counter().count()).isEqualTo(1.0);
    }

    /**
     * c19: a report assessed alone (beyond the grace, or a retrospective claim) is its own incident, whose versions are
     * the report's revisions — through the topology and its state store: a redelivery gives nothing, a correction the
     * next version of the same incident (alert-service ignores a version not newer than its latest, so the correction
     * as version 1 again was lost).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"late", "retrospective"})
    void aCorrectionOfAReportAssessedAloneStreamsAsTheNextVersion(String kind) {
        java.util.function.IntFunction<IncidentReport> alone;
        if (kind.equals("late")) {
            send(TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00",
                    BorderSegment.SYUNIK_EAST).build());
            send(TestReports.claim(TestReports.AZ_MOD, "b", Party.AM, "2025-01-20T10:00", "2025-01-20T12:00",
                    BorderSegment.TAVUSH).build());
            alone = revision -> TestReports.claim(TestReports.AZ_MOD, "old", Party.AM, "2025-01-05T10:00",
                    "2025-01-05T12:00", BorderSegment.SYUNIK_EAST).revision(revision)
                    .casualties(TestReports.killed(revision, 0, Party.AZ)).build();
        } else {
            List<IncidentReport> before = org.borderwatch.classifier.engine.RetrospectiveClaimTest.anniversaryScenario();
            before.subList(0, 3).forEach(this::send);
            IncidentReport anniversary = before.get(3);
            alone = revision -> TestReports.claim(TestReports.AM_MFA, "anniversary", Party.AZ, "2022-09-12T22:00",
                    "2023-09-13T11:00", BorderSegment.GEGHARKUNIK).location(anniversary.location())
                    .occurredUntil(anniversary.occurredUntil()).timePrecision(anniversary.timePrecision())
                    .eventTypes(anniversary.eventTypes()).revision(revision)
                    .casualties(TestReports.killed(206 + revision, 0, Party.AM)).build();
        }
        drain();
        send(alone.apply(1));
        List<Assessment> first = drain().stream().filter(a -> a.reportIds().values().stream()
                .flatMap(List::stream).anyMatch(alone.apply(1).reportId()::equals)).toList();
        assertThat(first).isNotEmpty().allSatisfy(a -> {
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.closed()).isTrue();
        });
        send(alone.apply(1));
        assertThat(drain()).as("a redelivery is a duplicate").isEmpty();
        send(alone.apply(2));
        List<Assessment> corrected = drain();
        assertThat(corrected).extracting(Assessment::incidentId)
                .containsExactlyElementsOf(first.stream().map(Assessment::incidentId).toList());
        assertThat(corrected).allSatisfy(a -> {
            assertThat(a.version()).isEqualTo(2);
            assertThat(a.closed()).isTrue();
            assertThat(a.casualties()).singleElement().satisfies(c -> assertThat(c.killed())
                    .isEqualTo(kind.equals("late") ? 2 : 208));
        });
        send(alone.apply(1));
        assertThat(drain()).as("an older revision is a duplicate").isEmpty();
        assertThat(registry.get(ClassifierMetrics.LATE_REPORTS).counter().count()).isEqualTo(2.0);
        assertThat(registry.get(ClassifierMetrics.DUPLICATE_REPORTS).counter().count()).isEqualTo(2.0);
    }

    /**
     * Replay audit C5: an anniversary statement a year after the offensive, streamed, gives the versions of its replay —
     * its own closed first version (alert-service resolves it at once) — and counts as late.
     */
    @Test
    void anAnniversaryStatementStreamedGivesTheVersionsOfItsReplay() {
        List<IncidentReport> reports = org.borderwatch.classifier.engine.RetrospectiveClaimTest.anniversaryScenario();
        reports.forEach(this::send);
        List<Assessment> streamed = drain();
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        assertThat(streamed.stream().map(Replayer::json).toList())
                .isEqualTo(replayed.stream().map(Replayer::json).toList());
        assertThat(streamed).anySatisfy(a -> {
            assertThat(a.closed()).isTrue();
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.rationale()).anyMatch(r -> r.contains("retrospective account"));
        });
        assertThat(registry.get(ClassifierMetrics.LATE_REPORTS).counter().count()).isEqualTo(1.0);
    }

    @Test
    void quietIncidentsCloseOnStreamTimeAndLeaveTheStore() {
        send(TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00",
                BorderSegment.SYUNIK_EAST).build());
        Assessment opened = drain().get(0);
        assertThat(registry.get(ClassifierMetrics.OPEN_INCIDENTS).gauge().value()).isEqualTo(1.0);
        KeyValueStore<String, byte[]> store = driver.getKeyValueStore(ClassifierTopology.STORE);
        assertThat(store.get(ClassifierProcessor.INCIDENT_PREFIX + opened.incidentId())).isNotNull();
        // a report eight days later moves stream time past the quiet period
        send(TestReports.claim(TestReports.AZ_MOD, "b", Party.AM, "2025-01-18T10:00", "2025-01-18T12:00",
                BorderSegment.TAVUSH).build());
        List<Assessment> next = drain();
        assertThat(next.get(0)).satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(opened.incidentId());
            assertThat(a.closed()).isTrue();
        });
        assertThat(registry.get(ClassifierMetrics.OPEN_INCIDENTS).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(ClassifierMetrics.RETAINED_INCIDENTS).gauge().value()).isEqualTo(1.0);
        assertThat(store.get(ClassifierProcessor.INCIDENT_PREFIX + opened.incidentId())).isNull();
        assertThat(new String(store.get(ClassifierProcessor.STATE_KEY), StandardCharsets.UTF_8))
                .doesNotContain(opened.incidentId().toString());
        // kept, closed, for the grace after its closure (stream time 18 January 12:00): a denial within it corrects
        // the final version, which stays closed
        assertThat(store.get(ClassifierProcessor.CLOSED_PREFIX + opened.incidentId())).isNotNull();
        IncidentReport denial = TestReports.denial(TestReports.AM_MOD, "d", "2025-01-19T09:00", Party.AZ,
                "2025-01-10", "2025-01-10", BorderSegment.SYUNIK_EAST).build();
        send(denial);
        assertThat(drain()).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(opened.incidentId());
            assertThat(a.version()).isEqualTo(next.get(0).version() + 1);
            assertThat(a.closed()).isTrue();
            assertThat(a.occurrence()).isEqualTo(org.borderwatch.common.model.Occurrence.DISPUTED);
        });
        assertThat(store.get(ClassifierProcessor.REPORT_PREFIX + denial.reportId())).isNotNull();
        // once stream time passes the closure plus the grace, the closed incident and its reports leave the store
        send(TestReports.claim(TestReports.AZ_MOD, "c", Party.AM, "2025-01-25T10:00", "2025-01-25T12:01",
                BorderSegment.TAVUSH).build());
        drain();
        assertThat(store.get(ClassifierProcessor.CLOSED_PREFIX + opened.incidentId())).isNull();
        assertThat(store.get(ClassifierProcessor.REPORT_PREFIX + denial.reportId())).isNull();
        // the first one is gone; the TAVUSH incident of 18 January has just closed and is the one kept now
        assertThat(registry.get(ClassifierMetrics.RETAINED_INCIDENTS).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void thePunctuatorClosesQuietIncidentsWhenPublicationTimeMovesWithoutANewReport() {
        IncidentReport first = TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2025-01-10T10:00",
                "2025-01-10T12:00", BorderSegment.SYUNIK_EAST).build();
        send(first);
        Assessment opened = drain().get(0);
        // the same report again, published anew ten days later: a duplicate the engine ignores, whose publication time
        // still moves the stream's clock to 20 January — the quiet incident closes
        send(TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-20T00:00",
                BorderSegment.SYUNIK_EAST).build());
        assertThat(drain()).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(opened.incidentId());
            assertThat(a.closed()).isTrue();
            assertThat(a.rationale()).last().asString().contains("stream time 2025-01-20 00:00 +04:00");
        });
        assertThat(registry.get(ClassifierMetrics.DUPLICATE_REPORTS).counter().count()).isEqualTo(1.0);
        assertThat(registry.get(ClassifierMetrics.OPEN_INCIDENTS).gauge().value()).isZero();
    }

    /**
     * Code review F21: the record's JSON is read once, by the processor. The timestamp extractor keeps ingest's record
     * timestamp and never reads the value, so the record timestamps — here ingest's wall clock, in any order, far from
     * the publication times — change nothing: the stream still gives the replay's every version.
     */
    @Test
    void recordTimestampsDoNotMatterOnlyPublicationTimeDoes() {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("all-scenarios.jsonl"));
        reports.sort(java.util.Comparator.comparing(IncidentReport::publishedAt));
        long wallClock = CLOCK.millis();
        for (int i = 0; i < reports.size(); i++) {
            IncidentReport r = reports.get(i);
            // the history ingested today, a minute apart and in reverse order of publication
            in.pipeInput(r.location().primarySegment().name(), Json.writeBytes(r), wallClock - 60_000L * i);
        }
        List<Assessment> streamed = drain();
        List<Assessment> replayed = new Replayer(ClassifierEngine.withDefaults()).replay(reports).versions();
        assertThat(streamed.stream().map(Replayer::json).toList())
                .isEqualTo(replayed.stream().map(Replayer::json).toList());
    }

    @Test
    void duplicatesAreIgnored() {
        IncidentReport r = TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2025-01-10T10:00",
                "2025-01-10T12:00", BorderSegment.SYUNIK_EAST).build();
        send(r);
        send(r);
        assertThat(drain()).hasSize(1);
        assertThat(registry.get(ClassifierMetrics.DUPLICATE_REPORTS).counter().count()).isEqualTo(1.0);
    }

    @Test
    void unreadableRecordsAreSkippedAndCounted() {
        in.pipeInput("SYUNIK_EAST", "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(out.isEmpty()).isTrue();
        assertThat(registry.get(ClassifierMetrics.UNREADABLE_REPORTS).counter().count()).isEqualTo(1.0);
    }

    @Test
    void anUnreadableRecordDoesNotMoveStreamTimeWhateverItsRecordTimestamp() {
        send(TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00",
                BorderSegment.SYUNIK_EAST).build());
        Assessment opened = drain().get(0);
        // e.g. a misconfigured producer writing alerts onto the input topic with today's wall-clock timestamp
        long wallClock = TestReports.t("2026-11-22T00:00").toInstant().toEpochMilli();
        in.pipeInput("SYUNIK_EAST", "not a report".getBytes(StandardCharsets.UTF_8), wallClock);
        in.pipeInput("SYUNIK_EAST", "{\"alertId\":\"x\"}".getBytes(StandardCharsets.UTF_8), wallClock);
        // nor does one that is no report even if it carries a publication time (it once moved Kafka's stream time)
        in.pipeInput("tick", "{\"publishedAt\":\"2025-01-20T00:00:00+04:00\"}".getBytes(StandardCharsets.UTF_8),
                wallClock);
        assertThat(out.isEmpty()).as("nothing closed").isTrue();
        assertThat(registry.get(ClassifierMetrics.OPEN_INCIDENTS).gauge().value()).isEqualTo(1.0);
        assertThat(registry.get(ClassifierMetrics.UNREADABLE_REPORTS).counter().count()).isEqualTo(3.0);
        // the next report, two hours later, still joins the open incident
        send(TestReports.claim(TestReports.AM_MOD, "b", Party.AZ, "2025-01-10T13:00", "2025-01-10T13:30",
                BorderSegment.SYUNIK_EAST).build());
        assertThat(drain()).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(opened.incidentId());
            assertThat(a.closed()).isFalse();
        });
    }

    /**
     * A record that is JSON of a report but lacks a field the report schema requires is no report (the replay's
     * contract round, case 15): the record would fill in a default — a missing stance read as a statement of unknown
     * stance — and, as the first of its report id, turn the complete report that follows into a duplicate. It is
     * refused on arrival like an unreadable record (counted, one WARN line naming the field, no assessment, no clock
     * moved) and the partition goes on: the complete report is assessed as if the bad record had never come. The
     * fields the record fills in (stance, location, occurredAt, schemaVersion) failed before; the others are guards.
     */
    @ParameterizedTest
    @ValueSource(strings = {"stance", "location", "occurredAt", "schemaVersion", "reportId", "source", "publishedAt"})
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void aRecordLackingARequiredFieldIsRefusedAndDoesNotTakeTheCompleteReportsPlace(String field,
            org.springframework.boot.test.system.CapturedOutput log) {
        send(TestReports.claim(TestReports.AZ_MOD, "a", Party.AM, "2025-01-10T10:00", "2025-01-10T12:00",
                BorderSegment.SYUNIK_EAST).build());
        Assessment opened = drain().get(0);
        IncidentReport denial = TestReports.denial(TestReports.AM_MOD, "d", "2025-01-10T15:00", Party.AZ,
                "2025-01-10", "2025-01-10", BorderSegment.SYUNIK_EAST).build();
        tools.jackson.databind.node.ObjectNode partial = (tools.jackson.databind.node.ObjectNode) Json.mapper()
                .readTree(Json.writeBytes(denial));
        assertThat(partial.remove(field)).as(field).isNotNull();
        in.pipeInput("SYUNIK_EAST", Json.writeBytes(partial), 0L);

        assertThat(out.isEmpty()).as("no assessment from the partial record").isTrue();
        assertThat(registry.get(ClassifierMetrics.UNREADABLE_REPORTS).counter().count()).isEqualTo(1.0);
        assertThat(log.getOut().lines().filter(l -> l.contains("WARN") && l.contains("no canonical IncidentReport")))
                .singleElement().asString().contains("/" + field);
        send(denial);
        assertThat(drain()).singleElement().satisfies(a -> {
            assertThat(a.incidentId()).isEqualTo(opened.incidentId());
            assertThat(a.occurrence()).isEqualTo(org.borderwatch.common.model.Occurrence.DISPUTED);
            assertThat(a.reportIds().values().stream().flatMap(List::stream)).contains(denial.reportId());
        });
        assertThat(registry.get(ClassifierMetrics.DUPLICATE_REPORTS).counter().count()).isZero();
    }
}
