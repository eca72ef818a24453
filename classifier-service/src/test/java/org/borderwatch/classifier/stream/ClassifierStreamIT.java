package org.borderwatch.classifier.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.borderwatch.classifier.ClassifierApplication;
import org.borderwatch.classifier.TestReports;
import org.borderwatch.classifier.engine.ClassifierEngine;
import org.borderwatch.classifier.reliability.SourceRecord;
import org.borderwatch.classifier.replay.Replayer;
import org.borderwatch.classifier.metrics.ClassifierMetrics;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.TestInfrastructure;
import org.borderwatch.testkit.TopicReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.stream.binder.kafka.streams.InteractiveQueryService;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service through the real broker, exactly-once, read back with read_committed. The service is started as the
 * real application (twice, for the restart), with its own topics, application id and state directories.
 */
@BorderWatchInfrastructure(mongo = false)
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ClassifierStreamIT {

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String input = "border.reports.normalized.it-" + suffix;
    private final String output = "border.assessments.it-" + suffix;
    private final List<Assessment> received = new CopyOnWriteArrayList<>();
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeEach
    void topics() {
        TestInfrastructure.createTopics(3, input, output);
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new ByteArraySerializer());
        // kept open across the test (and the service's restart), polled by the test itself
        consumer = TopicReader.bytes(output).readCommitted().open();
    }

    @AfterEach
    void close() {
        producer.close();
        consumer.close();
    }

    private ConfigurableApplicationContext startService(Path stateDir) {
        return new SpringApplicationBuilder(ClassifierApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--spring.cloud.stream.kafka.streams.binder.brokers=" + TestInfrastructure.kafkaBootstrapServers(),
                "--classifier.application-id=classifier-it-" + suffix,
                "--classifier.topics.input=" + input,
                "--classifier.topics.output=" + output,
                "--spring.cloud.stream.kafka.streams.binder.configuration.state.dir=" + stateDir,
                "--spring.cloud.stream.kafka.streams.binder.configuration.num.standby.replicas=0",
                "--classifier.readiness-gauge.interval=PT0.5S");
    }

    private static java.net.http.HttpResponse<String> get(String port, String path) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private void send(IncidentReport r) throws Exception {
        send(r, r.location().primarySegment().name());
    }

    /** Records of one key share a partition: their order holds across the single-key repartition. */
    private void send(IncidentReport r, String key) throws Exception {
        producer.send(new ProducerRecord<>(input, key, Json.writeBytes(r))).get();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(rec -> {
            Assessment a = Json.read(rec.value(), Assessment.class);
            assertThat(rec.key()).isEqualTo(a.incidentId().toString());
            received.add(a);
        });
    }

    private Assessment latest(BorderSegment segment, String fromPrefix) {
        return received.stream().filter(a -> a.segment() == segment
                        && a.window().from().toString().startsWith(fromPrefix))
                .max(Comparator.comparingLong(Assessment::version)).orElse(null);
    }

    @Test
    void reportsInAssessmentsOutAndAnIncidentSurvivesARestart(org.springframework.boot.test.system.CapturedOutput output)
            throws Exception {
        List<IncidentReport> reports = new ArrayList<>(TestReports.fixture("february-2024-revenge.jsonl"));
        reports.sort(Comparator.comparing(IncidentReport::publishedAt));
        Path firstState = Files.createTempDirectory("classifier-it-a");
        Path secondState = Files.createTempDirectory("classifier-it-b");

        // a Tavush claim of 1 February: the 12 February report moves stream time past its quiet period, it closes and
        // is kept (closed) for the grace after its closure
        IncidentReport tavush = TestReports.claim(TestReports.AZ_MOD, "it-tavush", Party.AM, "2024-02-01T10:00",
                "2024-02-01T12:00", BorderSegment.TAVUSH).build();
        // an Ararat claim of 2 February that EUMA refutes: it closes with the Tavush one, and az-mod's track record
        // (the classifier-sources store) counts one refuted claim
        IncidentReport ararat = TestReports.claim(TestReports.AZ_MOD, "it-ararat", Party.AM, "2024-02-02T10:00",
                "2024-02-02T12:00", BorderSegment.ARARAT).build();
        IncidentReport araratRefuted = TestReports.observer(TestReports.EUMA, "it-ararat-ref",
                org.borderwatch.common.model.Stance.REFUTATION, "2024-02-02T18:00", "2024-02-02", "2024-02-02",
                BorderSegment.ARARAT).build();
        String firstKey = reports.get(0).location().primarySegment().name();
        List<IncidentReport> sent = new ArrayList<>(List.of(tavush, ararat, araratRefuted));
        sent.addAll(reports);
        try (ConfigurableApplicationContext service = startService(firstState)) {
            // keyed like the 12 February report so that it is read before it (on another partition it could come after
            // it and be 11 days behind stream time: late)
            send(tavush, firstKey);
            send(ararat, firstKey);
            send(araratRefuted, firstKey);
            send(reports.get(0)); // 12 February claim, one wounded
            send(reports.get(1)); // 13 February, Nerkin Hand, four killed
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                poll();
                assertThat(latest(BorderSegment.SYUNIK_EAST, "2024-02-12")).isNotNull();
                assertThat(latest(BorderSegment.SYUNIK_EAST, "2024-02-13")).isNotNull();
                assertThat(latest(BorderSegment.TAVUSH, "2024-02-01")).satisfies(a -> assertThat(a.closed()).isTrue());
                assertThat(latest(BorderSegment.ARARAT, "2024-02-02")).satisfies(a -> {
                    assertThat(a.closed()).isTrue();
                    assertThat(a.occurrence()).isEqualTo(Occurrence.REFUTED);
                });
            });
            assertThat(latest(BorderSegment.SYUNIK_EAST, "2024-02-12").occurrence())
                    .isEqualTo(Occurrence.UNVERIFIED);
            MeterRegistry registry = service.getBean(MeterRegistry.class);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(registry.find(ClassifierMetrics.ASSESSMENTS).counters()).isNotEmpty();
                assertThat(registry.getMeters()).anyMatch(m -> m.getId().getName().startsWith("kafka.stream"));
            });
            // operator review, finding 18: a normal start logs no duplicate meter and no readiness WARN; the gauge
            // logs its start-up state at INFO
            assertThat(registry.find("kafka.app.info.start.time.ms").gauges()).isNotEmpty();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(output.getOut())
                    .contains("readiness at start-up"));
            assertThat(output.getOut()).doesNotContain("has been already registered", "readiness lost");
            String port = service.getEnvironment().getProperty("local.server.port");
            java.net.http.HttpResponse<String> prometheus = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                            + "/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(prometheus.statusCode()).isEqualTo(200);
            assertThat(prometheus.body()).contains("borderwatch_assessments_total",
                    "borderwatch_classifier_incidents_open", "borderwatch_classifier_incidents_retained",
                    "application=\"classifier-service\"");
            // the readiness gauge: the readiness group is UP (the probe answers 200), and the gauge, evaluated in the
            // background, reads 1 with the application tag and no other
            assertThat(get(port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    get(port, "/actuator/prometheus").body()).containsPattern(
                    "(?m)^borderwatch_readiness\\{application=\"classifier-service\"\\} 1(\\.0)?$"));
        }
        Assessment before = latest(BorderSegment.SYUNIK_EAST, "2024-02-12");
        Assessment closedTavush = latest(BorderSegment.TAVUSH, "2024-02-01");

        // a new instance with an empty state directory: its state comes back from the changelog
        try (ConfigurableApplicationContext service = startService(secondState)) {
            send(reports.get(2)); // the self-reported "Revenge" operation
            send(reports.get(3)); // the denial of the 12 February claim
            // a denial of the closed Tavush claim, within the grace of its closure: the closed incident came back from
            // the changelog too, and its final version is corrected (still closed)
            IncidentReport tavushDenial = TestReports.denial(TestReports.AM_MOD, "it-tavush-denial",
                    "2024-02-13T15:00", Party.AZ, "2024-02-01", "2024-02-01", BorderSegment.TAVUSH).build();
            send(tavushDenial);
            // a new az-mod claim: its confidence is az-mod's reliability, from the track record that came back from
            // the classifier-sources changelog
            IncidentReport after = TestReports.claim(TestReports.AZ_MOD, "it-after", Party.AM, "2024-02-15T10:00",
                    "2024-02-15T12:00", BorderSegment.GEGHARKUNIK).build();
            send(after, firstKey);
            sent.add(tavushDenial);
            sent.add(after);
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                poll();
                Assessment corrected = latest(BorderSegment.TAVUSH, "2024-02-01");
                assertThat(corrected.incidentId()).isEqualTo(closedTavush.incidentId());
                assertThat(corrected.version()).isEqualTo(closedTavush.version() + 1);
                assertThat(corrected.closed()).isTrue();
                assertThat(corrected.occurrence()).isEqualTo(Occurrence.DISPUTED);
                Assessment wounded = latest(BorderSegment.SYUNIK_EAST, "2024-02-12");
                assertThat(wounded.version()).isGreaterThan(before.version());
                assertThat(wounded.occurrence()).isEqualTo(Occurrence.DISPUTED);
                Assessment killed = latest(BorderSegment.SYUNIK_EAST, "2024-02-13");
                assertThat(killed.occurrence()).isEqualTo(Occurrence.CONFIRMED);
                assertThat(killed.hasSignal(SignalType.RETALIATION_CYCLE)).isTrue();
                assertThat(killed.hasSignal(SignalType.FATALITIES)).isTrue();
                assertThat(latest(BorderSegment.GEGHARKUNIK, "2024-02-15")).isNotNull();
            });
            // the same confidence as an uninterrupted run (the offline replay of every report sent), which is below
            // what the claim has without az-mod's refuted claim on record
            double live = latest(BorderSegment.GEGHARKUNIK, "2024-02-15").confidence();
            double uninterrupted = new Replayer(ClassifierEngine.withDefaults()).replay(sent).versions().stream()
                    .filter(a -> a.reportIds().values().stream().anyMatch(ids -> ids.contains(after.reportId())))
                    .findFirst().orElseThrow().confidence();
            double withoutRecord = new Replayer(ClassifierEngine.withDefaults()).replay(List.of(after)).versions()
                    .get(0).confidence();
            assertThat(live).isEqualTo(uninterrupted).isLessThan(withoutRecord);
            // and the store itself, through an interactive query: az-mod's one refuted claim
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ReadOnlyKeyValueStore<String, byte[]> sources = service.getBean(InteractiveQueryService.class)
                        .getQueryableStore(ClassifierTopology.SOURCES_STORE, QueryableStoreTypes.keyValueStore());
                assertThat(Json.read(sources.get(TestReports.AZ_MOD.id()), SourceRecord.class))
                        .isEqualTo(new SourceRecord(0, 1));
            });
            assertThat(latest(BorderSegment.SYUNIK_EAST, "2024-02-12").incidentId()).isEqualTo(before.incidentId());
            // stream time is publication time (2024), not the wall clock: nothing but the Tavush and Ararat incidents
            // (quiet for 11 and 10 days of publication time) was closed
            assertThat(received).filteredOn(Assessment::closed)
                    .allSatisfy(a -> assertThat(a.segment()).isIn(BorderSegment.TAVUSH, BorderSegment.ARARAT));
        }
    }
}
