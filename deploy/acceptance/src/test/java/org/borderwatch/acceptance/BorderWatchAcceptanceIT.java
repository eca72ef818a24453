package org.borderwatch.acceptance;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ThrowingRunnable;
import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.schema.JsonSchemas;
import org.borderwatch.common.topic.Topics;
import org.borderwatch.testkit.WebhookReceiver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * BorderWatch from the outside, like Alertmanager's acceptance tests: the real broker, store and service jars are
 * started once; partners send statements over HTTP and on the raw topic; a staff member subscribes a webhook; the
 * tests assert what reaches the topics, the verdict store (through alert-service's REST API) and the webhook
 * receiver.
 *
 * <p>The steps run in publication order on purpose. The classifier's clock is stream time — the publication time of
 * the statements — for the whole border, so statements of February 2024 sent after those of March 2025 would be
 * "late" by design. Each step sends its own statements and asserts on them; the last steps check what the earlier
 * ones caused later (incidents closing, every topic record following its schema).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BorderWatchAcceptanceIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);
    private static final String SYUNIK_HOOK = "/hooks/syunik-desk";
    private static final String SURGE_HOOK = "/hooks/surge-watch";
    private static final String SYUNIK_SECRET = "syunik-desk-shared-secret-7d41";
    private static final String SURGE_SECRET = "surge-watch-shared-secret-92ab";
    private static final String RAW_STATEMENT = Topics.RAW_STATEMENT.name();
    private static final String NORMALIZED = Topics.NORMALIZED.name();
    private static final String REJECTED = Topics.REJECTED.name();
    private static final String ASSESSMENTS = Topics.ASSESSMENTS.name();
    private static final String ALERTS = Topics.ALERTS.name();

    private static WebhookReceiver receiver;
    private static BorderWatchSystem system;
    private static Api api;
    private static TopicRecorder topics;

    /** reportId by sourceRef, as ingest answered. */
    private static final Map<String, String> reportIds = new LinkedHashMap<>();

    @BeforeAll
    static void startBorderWatch() throws Exception {
        receiver = new WebhookReceiver(200);
        system = BorderWatchSystem.start();
        api = new Api(system);
        topics = new TopicRecorder(system.bootstrapServers(), system.kafkaClientSecurity(), List.of(NORMALIZED, REJECTED, ASSESSMENTS, ALERTS));
    }

    @AfterAll
    static void stopEverythingAndLeaveNoProcessBehind() throws Exception {
        List<Long> pids = system == null ? List.of() : system.childPids();
        dumpAlertServiceState();
        try {
            if (topics != null) {
                topics.close();
                topics.dump(system.workDir().resolve("topics"));
            }
        } finally {
            if (system != null) {
                system.close();
            }
            if (receiver != null) {
                receiver.close();
            }
        }
        BorderWatchSystem.assertNoProcessLeft(pids);
    }

    /** What alert-service holds at the end (verdicts and alerts with their messages), for reading a failed run. */
    private static void dumpAlertServiceState() {
        if (api == null) {
            return;
        }
        try {
            Path dir = system.workDir().resolve("api");
            Files.createDirectories(dir);
            Api.Answer verdicts = api.staffGet("/api/v1/verdicts?size=500");
            Files.writeString(dir.resolve("verdicts.json"), verdicts.body());
            Api.Answer alerts = api.staffGet("/api/v1/alerts?size=500");
            StringBuilder details = new StringBuilder();
            for (JsonNode alert : alerts.list()) {
                details.append(api.staffGet("/api/v1/alerts/" + alert.path("alertId").asString()).body()).append('\n');
            }
            Files.writeString(dir.resolve("alerts.jsonl"), details.toString());
        } catch (Exception e) {
            System.err.println("could not dump alert-service's state: " + e);
        }
    }

    @Test
    @Order(1)
    void staffSubscribesWebhooksWithASharedSecret() {
        Api.Answer syunik = api.staffPost("/api/v1/subscriptions", Map.of(
                "name", "Syunik desk (acceptance)",
                "channel", Map.of("type", "webhook", "url", receiver.url(SYUNIK_HOOK), "secret", SYUNIK_SECRET),
                "filter", Map.of("segments", List.of("SYUNIK_EAST"), "minSeverity", "HIGH"),
                "mode", "immediate"));
        assertThat(syunik.status()).as("%s", syunik).isEqualTo(201);
        assertThat(syunik.location()).as("Location of the new subscription").contains("/api/v1/subscriptions/");

        Api.Answer surge = api.staffPost("/api/v1/subscriptions", Map.of(
                "name", "Surge watch (acceptance)",
                "channel", Map.of("type", "webhook", "url", receiver.url(SURGE_HOOK), "secret", SURGE_SECRET),
                "filter", Map.of("signals", List.of("UNCORROBORATED_SURGE")),
                "mode", "immediate"));
        assertThat(surge.status()).as("%s", surge).isEqualTo(201);

        Api.Answer shown = api.staffGet(syunik.location());
        assertThat(shown.status()).as("%s", shown).isEqualTo(200);
        assertThat(shown.body()).as("a subscription as shown never contains its secret").doesNotContain(SYUNIK_SECRET);
    }

    @Test
    @Order(2)
    void februaryFatalitiesGiveACriticalAlertDeliveredAsASignedWebhook() {
        Statements february = Statements.load("february-2024");
        Api.Answer anonymous = api.postReports("statement", "application/json",
                february.get("acc-am-mod-20240213"), null);
        assertThat(anonymous.status()).as("a statement without an API key: %s", anonymous).isEqualTo(401);

        // the MFA's statement (published last) is sent once the critical incident is known, see below
        february.all().forEach((ref, json) -> {
            if (!ref.equals("acc-am-mfa-20240213")) {
                postAccepted(ref, json);
            }
        });
        String wounded = reportIds.get("acc-az-sbs-20240212");
        String killed = reportIds.get("acc-am-mod-20240213");
        String revenge = reportIds.get("acc-az-sbs-20240213");

        eventually("the February statements appear normalised on " + NORMALIZED, List.of(BorderWatchSystem.INGEST),
                () -> {
                    JsonNode nerkinHand = normalised(killed).orElseThrow(() -> new AssertionError("no " + killed));
                    assertThat(nerkinHand.path("stance").asString()).isEqualTo("CLAIM");
                    assertThat(nerkinHand.path("actingParty").asString()).isEqualTo("AZ");
                    assertThat(nerkinHand.path("location").path("segments").valueStream().map(JsonNode::asString))
                            .containsExactly("SYUNIK_EAST");
                    assertThat(nerkinHand.path("casualties").path("killed").asInt()).isEqualTo(4);
                    assertThat(nerkinHand.path("casualties").path("party").asString()).isEqualTo("AM");
                    JsonNode operation = normalised(revenge).orElseThrow(() -> new AssertionError("no " + revenge));
                    assertThat(operation.path("retaliation").asBoolean()).as("'Revenge' presents itself as retaliation")
                            .isTrue();
                    assertThat(normalised(wounded)).isPresent();
                    for (String id : List.of(wounded, killed, revenge)) {
                        JsonNode report = normalised(id).orElseThrow();
                        assertThat(id).as("reportId = name-based UUID of source id and sourceRef")
                                .isEqualTo(Uuids.reportId(report.path("source").path("id").asString(),
                                        report.path("sourceRef").asString()).toString());
                    }
                });

        eventually("the Nerkin Hand incident reaches the verdict store: CONFIRMED, FATALITIES, CRITICAL",
                List.of(BorderWatchSystem.CLASSIFIER, BorderWatchSystem.ALERT), () -> {
                    JsonNode detail = verdictHolding(killed, "SYUNIK_EAST");
                    JsonNode latest = detail.path("latest");
                    assertThat(latest.path("occurrence").asString())
                            .as("the acting side reported its own 'Revenge' operation").isEqualTo("CONFIRMED");
                    assertThat(latest.path("attribution").asString()).isEqualTo("UNCONTESTED");
                    assertThat(latest.path("severity").asString()).as("four killed is critical").isEqualTo("CRITICAL");
                    assertThat(signalsOf(latest)).contains("FATALITIES", "RETALIATION_CYCLE");
                    assertThat(reportIdsOf(latest)).contains(killed, revenge);
                    assertThat(killedOf(latest, "AM")).isEqualTo(4);
                    assertThat(detail.path("rationale").size()).as("rationale sentences").isPositive();
                });

        String nerkinHandIncident = verdictHolding(killed, "SYUNIK_EAST").path("latest").path("incidentId").asString();
        postAccepted("acc-am-mfa-20240213", february.get("acc-am-mfa-20240213"));
        String pretext = reportIds.get("acc-am-mfa-20240213");
        eventually("the MFA's statement is normalised as a denial", List.of(BorderWatchSystem.INGEST),
                () -> assertThat(normalised(pretext).orElseThrow(() -> new AssertionError("no " + pretext))
                        .path("stance").asString()).isEqualTo("DENIAL"));

        eventually("the 12 February claim is DISPUTED by the Armenian MFA's 'pretext' statement",
                List.of(BorderWatchSystem.CLASSIFIER, BorderWatchSystem.ALERT), () -> {
                    JsonNode latest = verdictHolding(wounded, "SYUNIK_EAST").path("latest");
                    assertThat(latest.path("occurrence").asString()).isEqualTo("DISPUTED");
                    assertThat(latest.path("attribution").asString()).isEqualTo("CONTESTED");
                    assertThat(reportIdsOf(latest)).contains(pretext);
                    assertThat(killedOf(latest, "AM")).as("a denial's mention of other deaths adds none").isZero();
                });

        assertThat(nerkinHandIncident).as("incidentId = name-based UUID of the segment and the first report's id")
                .isEqualTo(Uuids.incidentId("SYUNIK_EAST", UUID.fromString(killed)).toString());
        eventually("a signed webhook with the CRITICAL Nerkin Hand alert reaches the Syunik desk",
                List.of(BorderWatchSystem.ALERT), () -> {
                    List<WebhookReceiver.Request> deliveries = receiver.requests(SYUNIK_HOOK);
                    assertThat(alertsIn(deliveries)).as("alerts delivered to %s", SYUNIK_HOOK)
                            .anySatisfy(alert -> {
                                assertThat(alert.path("incidentId").asString()).isEqualTo(nerkinHandIncident);
                                assertThat(alert.path("severity").asString()).isEqualTo("CRITICAL");
                                assertThat(alert.path("signals").valueStream().map(JsonNode::asString))
                                        .contains("FATALITIES");
                                // the statements behind the verdict, with the addresses the partner sent, and the
                                // link back to the verdict (the local profile sets alert.public-base-url)
                                assertThat(alert.path("evidence").valueStream().toList())
                                        .as("evidence of %s", alert).anySatisfy(e -> {
                                            assertThat(e.path("reportId").asString()).isEqualTo(killed);
                                            assertThat(e.path("source").path("id").asString()).isEqualTo("am-mod");
                                            assertThat(e.path("stance").asString()).isEqualTo("CLAIM");
                                            assertThat(e.path("url").asString())
                                                    .isEqualTo("https://example.org/acceptance/am-mod/20240213");
                                        })
                                        .anySatisfy(e -> assertThat(e.path("reportId").asString()).isEqualTo(revenge));
                                assertThat(alert.path("verdictUrl").asString())
                                        .endsWith("/api/v1/verdicts/" + nerkinHandIncident);
                            });
                });
        assertSignedAndFiltered(receiver.requests(SYUNIK_HOOK), SYUNIK_SECRET);
        String verdictUrl = alertsIn(receiver.requests(SYUNIK_HOOK)).stream()
                .filter(a -> a.path("incidentId").asString().equals(nerkinHandIncident))
                .map(a -> a.path("verdictUrl").asString()).findFirst().orElseThrow();
        Api.Answer linked = api.staffGet(java.net.URI.create(verdictUrl).getPath());
        assertThat(linked.status()).as("the alert's link leads to the verdict: %s", linked).isEqualTo(200);
        assertThat(linked.body()).contains(nerkinHandIncident).contains("https://example.org/acceptance/am-mod/20240213");

        Api.Answer critical = api.staffGet("/api/v1/alerts?segment=SYUNIK_EAST&severity=CRITICAL");
        assertThat(critical.status()).as("%s", critical).isEqualTo(200);
        String alertId = critical.list().stream()
                .filter(a -> a.path("incidentId").asString().equals(nerkinHandIncident))
                .map(a -> a.path("alertId").asString()).findFirst()
                .orElseThrow(() -> new AssertionError("no CRITICAL alert for " + nerkinHandIncident + ": " + critical));
        eventually("alert-service records the webhook delivery to the Syunik desk as DELIVERED",
                List.of(BorderWatchSystem.ALERT), () -> {
                    Api.Answer deliveries = api.staffGet("/api/v1/alerts/" + alertId + "/deliveries");
                    assertThat(deliveries.list()).as("%s", deliveries).anySatisfy(d -> {
                        assertThat(d.path("target").asString()).isEqualTo(receiver.url(SYUNIK_HOOK));
                        assertThat(d.path("status").asString()).isEqualTo("DELIVERED");
                    });
                });
        Api.Answer cap = api.staffGet("/api/v1/alerts/" + alertId, "application/cap+xml");
        assertThat(cap.status()).as("%s", cap).isEqualTo(200);
        assertThat(cap.contentType()).contains("xml");
        assertThat(cap.body()).as("an OASIS CAP 1.2 document").contains("urn:oasis:names:tc:emergency:cap:1.2")
                .contains(alertId);

        String woundedIncident = verdictHolding(wounded, "SYUNIK_EAST").path("latest").path("incidentId").asString();
        eventually("the 12 February alert's update is inhibited by the critical incident next to it in event time",
                List.of(BorderWatchSystem.ALERT), () -> {
                    JsonNode lesser = alertOf(woundedIncident);
                    assertThat(lesser.path("messages").valueStream().toList()).as("%s", lesser).anySatisfy(m -> {
                        assertThat(m.path("event").asString()).isEqualTo("UPDATED");
                        assertThat(m.path("muted").asString()).startsWith("inhibited by").contains(nerkinHandIncident);
                    });
                });

        assertThat(alertsIn(receiver.requests(SYUNIK_HOOK)))
                .as("the Syunik desk asked for SYUNIK_EAST alerts of HIGH severity or more")
                .allSatisfy(alert -> {
                    assertThat(alert.path("segment").asString()).isEqualTo("SYUNIK_EAST");
                    if (!alert.path("event").asString().equals("RESOLVED")) {
                        assertThat(alert.path("severity").asString()).isIn("HIGH", "CRITICAL");
                    }
                });
    }

    @Test
    @Order(3)
    void statementsOnTheRawTopicFlowPastAMalformedOneWhichIsRejectedWithItsReason() throws Exception {
        Statements june = Statements.load("june-2024");
        // staff silence ARARAT for two hours; a silence needs a reason and may not run longer than the maximum
        Instant now = Instant.now();
        Api.Answer noReason = api.staffPost("/api/v1/silences", Map.of("segments", List.of("ARARAT"),
                "endsAt", now.plus(Duration.ofHours(2)).toString()));
        assertThat(noReason.status()).as("a silence without a reason: %s", noReason).isEqualTo(400);
        Api.Answer tooLong = api.staffPost("/api/v1/silences", Map.of("segments", List.of("ARARAT"),
                "endsAt", now.plus(Duration.ofDays(60)).toString(), "reason", "too long"));
        assertThat(tooLong.status()).as("a silence of sixty days: %s", tooLong).isEqualTo(400);
        Api.Answer silence = api.staffPost("/api/v1/silences", Map.of("segments", List.of("ARARAT"),
                "endsAt", now.plus(Duration.ofHours(2)).toString(),
                "reason", "Ararat desk is handling the Yeraskh reports by phone"));
        assertThat(silence.status()).as("%s", silence).isEqualTo(201);
        String silenceId = silence.json().path("id").asString();
        assertThat(silenceId).as("%s", silence).isNotBlank();

        byte[] malformed = "{\"sourceRef\": \"acc-broken-20240612\", \"source\": \"Ministry of Defence of Azerbaijan\", \"text\": "
                .getBytes(StandardCharsets.UTF_8);
        byte[] canonical = resource("/canonical/acc-az-mod-20240622.json");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(RAW_STATEMENT, BorderWatchSystem.PARTNER, malformed)).get();
            for (String json : june.all().values()) {
                producer.send(new ProducerRecord<>(RAW_STATEMENT, BorderWatchSystem.PARTNER,
                        json.getBytes(StandardCharsets.UTF_8))).get();
            }
        }

        String emptyText = "{\"sourceRef\":\"acc-empty-20240612\",\"source\":\"Ministry of Defence of Armenia\","
                + "\"publishedAt\":\"2024-06-12T12:00:00+04:00\",\"language\":\"en\",\"text\":\"\"}";
        Api.Answer refused = api.postReports("statement", "application/json", emptyText, BorderWatchSystem.PARTNER_KEY);
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        String httpReason = refused.json().path("reason").asString();
        assertThat(httpReason).as("the problem names the reason: %s", refused).isNotBlank();

        eventually("the malformed record lands on " + REJECTED + " with its reason", List.of(BorderWatchSystem.INGEST),
                () -> assertThat(topics.records(REJECTED)).anySatisfy(r -> {
                    assertThat(r.header(Topics.HEADER_SOURCE)).isEqualTo(RAW_STATEMENT);
                    assertThat(r.header(Topics.HEADER_REJECT_REASON)).isEqualTo("MALFORMED");
                    assertThat(r.header(Topics.HEADER_REJECT_DETAIL)).isNotBlank();
                    assertThat(r.value()).as("the original bytes").isEqualTo(malformed);
                    assertThat(r.key()).as("rejected records have no key").isNull();
                }));
        eventually("the refused HTTP statement lands on " + REJECTED + " too", List.of(BorderWatchSystem.INGEST),
                () -> assertThat(topics.records(REJECTED)).anySatisfy(r -> {
                    assertThat(r.header(Topics.HEADER_SOURCE)).isEqualTo("http");
                    assertThat(r.header(Topics.HEADER_REJECT_REASON)).isEqualTo(httpReason);
                    assertThat(r.text()).isEqualTo(emptyText);
                }));

        eventually("the good statements after the malformed one are normalised", List.of(BorderWatchSystem.INGEST),
                () -> {
                    for (String ref : june.all().keySet()) {
                        JsonNode report = normalisedBySourceRef(ref)
                                .orElseThrow(() -> new AssertionError("no normalised report for " + ref));
                        reportIds.put(ref, report.path("reportId").asString());
                    }
                });
        JsonNode claim = normalisedBySourceRef("acc-az-mod-20240612").orElseThrow();
        assertThat(claim.path("location").path("segments").valueStream().map(JsonNode::asString))
                .containsExactly("ARARAT");

        eventually("the Yeraskh claim and the denial of the 'Nakhijevan direction' make a DISPUTED incident in ARARAT",
                List.of(BorderWatchSystem.CLASSIFIER, BorderWatchSystem.ALERT), () -> {
                    JsonNode latest = verdictHolding(reportIds.get("acc-az-mod-20240612"), "ARARAT").path("latest");
                    assertThat(latest.path("occurrence").asString()).isEqualTo("DISPUTED");
                    assertThat(latest.path("attribution").asString()).isEqualTo("CONTESTED");
                    assertThat(reportIdsOf(latest)).contains(reportIds.get("acc-am-mod-20240612"));
                });
        String yeraskh = verdictHolding(reportIds.get("acc-az-mod-20240612"), "ARARAT").path("latest")
                .path("incidentId").asString();
        eventually("the ARARAT alert's messages are muted by the silence", List.of(BorderWatchSystem.ALERT), () -> {
            List<JsonNode> messages = alertOf(yeraskh).path("messages").valueStream().toList();
            assertThat(messages).extracting(m -> m.path("event").asString()).contains("FIRED", "UPDATED");
            assertThat(messages).allSatisfy(m -> assertThat(m.path("muted").asString())
                    .startsWith("silenced by").contains(silenceId));
        });
        assertThat(api.staffDelete("/api/v1/silences/" + silenceId).status()).isEqualTo(204);

        // ten days later by publication time, so only once the 11 June statements are through: the classifier's
        // clock is publication time, and the two raw topics are read independently
        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.RAW_CANONICAL.name(), BorderWatchSystem.PARTNER, canonical)).get();
        }
        String vardenis = Uuids.reportId("az-mod", "acc-az-mod-20240622").toString();
        eventually("a partner's canonical report is normalised with its id recomputed", List.of(BorderWatchSystem.INGEST),
                () -> {
                    JsonNode report = normalisedBySourceRef("acc-az-mod-20240622").orElseThrow();
                    assertThat(report.path("reportId").asString()).isEqualTo(vardenis);
                    assertThat(report.path("receivedAt").asString()).as("set by ingest").isNotBlank();
                });
        eventually("the canonical claim nobody answered is UNVERIFIED in GEGHARKUNIK",
                List.of(BorderWatchSystem.CLASSIFIER, BorderWatchSystem.ALERT),
                () -> assertThat(verdictHolding(vardenis, "GEGHARKUNIK").path("latest").path("occurrence").asString())
                        .isEqualTo("UNVERIFIED"));
    }

    @Test
    @Order(4)
    void theMarchSurgeIsRefutedByTheObserverAndDisputedByTheAccused() {
        Statements march = Statements.load("march-2025");
        try (Api.EventStream wallboard = api.staffStream("/api/v1/alerts/stream?segments=GEGHARKUNIK")) {
            eventually("the staff wallboard's live stream is open", List.of(BorderWatchSystem.ALERT),
                    () -> assertThat(wallboard.status()).isEqualTo(200));
            marchSurge(march, wallboard);
        }
    }

    private static void marchSurge(Statements march, Api.EventStream wallboard) {
        Api.Answer batch = api.postReports("statement", "application/x-ndjson", march.ndjson(),
                BorderWatchSystem.PARTNER_KEY);
        assertThat(batch.status()).as("%s", batch).isEqualTo(202);
        List<JsonNode> accepted = batch.json().path("accepted").valueStream().toList();
        assertThat(accepted).as("%s", batch).hasSize(march.all().size());
        List<String> refs = new ArrayList<>(march.all().keySet());
        for (JsonNode a : accepted) {
            reportIds.put(refs.get(a.path("line").asInt() - 1), a.path("reportId").asString());
        }

        Map<String, String[]> expected = new LinkedHashMap<>();
        // claim -> segment, occurrence, attribution
        expected.put("acc-az-mod-20250316", new String[] {"SYUNIK_EAST", "REFUTED", "CONTESTED"});
        expected.put("acc-az-mod-20250317-a", new String[] {"GEGHARKUNIK", "REFUTED", null});
        expected.put("acc-az-mod-20250317-b", new String[] {"SYUNIK_EAST", "REFUTED", "CONTESTED"});
        expected.put("acc-az-mod-20250318", new String[] {"GEGHARKUNIK", "UNVERIFIED", null});
        expected.put("acc-az-mod-20250319", new String[] {"SYUNIK_EAST", "DISPUTED", "CONTESTED"});

        eventually("every claim of the surge has its verdict, carrying CLAIM_SURGE and UNCORROBORATED_SURGE",
                List.of(BorderWatchSystem.INGEST, BorderWatchSystem.CLASSIFIER, BorderWatchSystem.ALERT), () -> {
                    Set<String> incidents = new HashSet<>();
                    expected.forEach((ref, want) -> {
                        JsonNode latest = verdictHolding(reportIds.get(ref), want[0]).path("latest");
                        assertThat(latest.path("occurrence").asString()).as("occurrence of the incident of %s", ref)
                                .isEqualTo(want[1]);
                        if (want[2] != null) {
                            assertThat(latest.path("attribution").asString()).as("attribution of %s", ref)
                                    .isEqualTo(want[2]);
                        }
                        assertThat(signalsOf(latest)).as("signals of the incident of %s", ref)
                                .contains("CLAIM_SURGE", "UNCORROBORATED_SURGE");
                        incidents.add(latest.path("incidentId").asString());
                    });
                    assertThat(incidents).as("one incident per claim: separate in time or segment").hasSize(5);
                });

        JsonNode digh = verdictHolding(reportIds.get("acc-az-mod-20250316"), "SYUNIK_EAST");
        List<JsonNode> history = digh.path("history").valueStream().toList();
        assertThat(history).as("every version is kept").hasSizeGreaterThan(1);
        assertThat(history.stream().map(v -> v.path("version").asLong()).toList()).isSorted().doesNotHaveDuplicates();
        assertThat(history.get(0).path("occurrence").asString()).as("a claim nobody has answered yet")
                .isEqualTo("UNVERIFIED");
        assertThat(history.get(history.size() - 1).path("version").asLong())
                .isEqualTo(digh.path("latest").path("version").asLong());
        assertThat(reportIdsOf(digh.path("latest")))
                .contains(reportIds.get("acc-am-mod-20250316"));

        eventually("the surge watch receives signed webhooks for both segments of the surge",
                List.of(BorderWatchSystem.ALERT), () -> {
                    List<JsonNode> alerts = alertsIn(receiver.requests(SURGE_HOOK));
                    assertThat(alerts.stream().filter(a -> a.path("signals").valueStream()
                                    .anyMatch(s -> s.asString().equals("UNCORROBORATED_SURGE")))
                            .map(a -> a.path("segment").asString()).collect(Collectors.toSet()))
                            .contains("SYUNIK_EAST", "GEGHARKUNIK");
                });
        assertSignedAndFiltered(receiver.requests(SURGE_HOOK), SURGE_SECRET);

        eventually("the staff wallboard's live stream shows the GEGHARKUNIK alerts as they fire",
                List.of(BorderWatchSystem.ALERT), () -> {
                    assertThat(wallboard.status()).isEqualTo(200);
                    assertThat(wallboard.events("fired")).as("stream lines %s", wallboard.lines()).isNotEmpty()
                            .allSatisfy(alert -> assertThat(alert.path("segment").asString()).isEqualTo("GEGHARKUNIK"));
                });
    }

    @Test
    @Order(5)
    void aStaffReviewIsShownFirstAndSentToSubscribersAsAnUpdate() {
        String sotk = reportIds.get("acc-az-mod-20250318");
        assertThat(sotk).as("the March step ran").isNotNull();
        String incident = verdictHolding(sotk, "GEGHARKUNIK").path("latest").path("incidentId").asString();
        String note = "Our own patrol log for 18 March shows no firing near Sotk.";
        Api.Answer reviewed = api.staffPost("/api/v1/verdicts/" + incident + "/review",
                Map.of("occurrence", "REFUTED", "attribution", "CONTESTED", "note", note));
        assertThat(reviewed.status()).as("%s", reviewed).isEqualTo(200);

        JsonNode detail = api.staffGet("/api/v1/verdicts/" + incident).json();
        assertThat(detail.path("review").path("occurrence").asString()).isEqualTo("REFUTED");
        assertThat(detail.path("review").path("note").asString()).isEqualTo(note);
        assertThat(detail.path("latest").path("occurrence").asString()).as("the machine's verdict is kept beside it")
                .isEqualTo("UNVERIFIED");
        Api.Answer list = api.staffGet("/api/v1/verdicts?segment=GEGHARKUNIK&size=500");
        assertThat(list.list()).anySatisfy(v -> {
            assertThat(v.path("incidentId").asString()).isEqualTo(incident);
            assertThat(v.path("review").path("occurrence").asString()).isEqualTo("REFUTED");
        });

        eventually("the surge watch receives the review as an update", List.of(BorderWatchSystem.ALERT),
                () -> assertThat(alertsIn(receiver.requests(SURGE_HOOK))).anySatisfy(alert -> {
                    assertThat(alert.path("incidentId").asString()).isEqualTo(incident);
                    assertThat(alert.path("event").asString()).isEqualTo("REVIEWED");
                    assertThat(alert.path("review").path("occurrence").asString()).isEqualTo("REFUTED");
                    assertThat(alert.path("review").path("note").asString()).isEqualTo(note);
                }));
        assertSignedAndFiltered(receiver.requests(SURGE_HOOK), SURGE_SECRET);
    }

    @Test
    @Order(6)
    void aCuratedDatasetIsNeverAnIndependentConfirmation() throws Exception {
        byte[] csv = resource("/acled/acc-arm-0319.csv");
        Api.Answer forbidden = api.postReports("acled", "text/csv", new String(csv, StandardCharsets.UTF_8),
                BorderWatchSystem.PARTNER_KEY);
        assertThat(forbidden.status()).as("the partner's key may not send ACLED rows: %s", forbidden).isEqualTo(403);

        try (KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(Topics.RAW_ACLED.name(), null, csv)).get();
        }
        String row = Uuids.reportId("acled", "ACC-ARM-0319").toString();
        eventually("the ACLED row from the raw topic is normalised as a DATASET claim", List.of(BorderWatchSystem.INGEST),
                () -> {
                    JsonNode report = normalised(row).orElseThrow(() -> new AssertionError("no report " + row));
                    assertThat(report.path("source").path("kind").asString()).isEqualTo("DATASET");
                    assertThat(report.path("stance").asString()).isEqualTo("CLAIM");
                });
        String khoznavar = reportIds.get("acc-az-mod-20250319");
        eventually("the Khoznavar incident takes the row in and stays DISPUTED",
                List.of(BorderWatchSystem.CLASSIFIER, BorderWatchSystem.ALERT), () -> {
                    JsonNode latest = verdictHolding(row, "SYUNIK_EAST").path("latest");
                    assertThat(reportIdsOf(latest)).contains(khoznavar);
                    assertThat(latest.path("occurrence").asString()).isEqualTo("DISPUTED");
                });
    }

    @Test
    @Order(7)
    void aRepeatedStatementIsADuplicateAndAChangedOneACorrection() {
        String khoznavar = reportIds.get("acc-az-mod-20250319");
        Api.Answer again = api.postReports("statement", "application/json", Statements.load("march-2025").get("acc-az-mod-20250319"),
                BorderWatchSystem.PARTNER_KEY);
        assertThat(again.status()).as("%s", again).isEqualTo(202);
        assertThat(again.json().path("accepted").size()).as("the same statement again is a duplicate: %s", again)
                .isZero();
        assertThat(again.json().path("duplicates").path(0).path("reportId").asString()).isEqualTo(khoznavar);
        JsonNode beforeCorrection = verdictHolding(khoznavar, "SYUNIK_EAST").path("latest");
        String corrected = Statements.load("march-2025").get("acc-az-mod-20250319").replace("between 01:10 and 01:45", "between 01:10 and 01:55");
        // the partner first checks the corrected mapping with a dry run: the canonical report, nothing published
        Api.Answer preview = api.postReports("statement?dryRun=true", "application/json", corrected,
                BorderWatchSystem.PARTNER_KEY);
        assertThat(preview.status()).as("%s", preview).isEqualTo(200);
        assertThat(preview.json().path("reports").path(0).path("reportId").asString()).isEqualTo(khoznavar);
        assertThat(preview.json().path("reports").path(0).path("occurredUntil").asString()).as("%s", preview)
                .contains("01:55");
        assertThat(normalised(khoznavar).orElseThrow().path("revision").asInt()).as("a dry run publishes nothing")
                .isEqualTo(1);
        assertThat(counter(BorderWatchSystem.INGEST, "borderwatch_reports_dry_run_total", "format=\"statement\""))
                .as("dry runs count on their own meter").isPositive();
        Api.Answer correction = api.postReports("statement", "application/json", corrected,
                BorderWatchSystem.PARTNER_KEY);
        assertThat(correction.status()).as("%s", correction).isEqualTo(202);
        JsonNode revised = correction.json().path("accepted").path(0);
        assertThat(revised.path("reportId").asString()).as("a correction keeps the report's id: %s", correction)
                .isEqualTo(khoznavar);
        assertThat(revised.path("revision").asInt()).as("a correction is a new revision: %s", correction).isEqualTo(2);
        eventually("the correction is published as revision 2", List.of(BorderWatchSystem.INGEST),
                () -> assertThat(normalised(khoznavar).orElseThrow().path("revision").asInt()).isEqualTo(2));
        eventually("the corrected claim updates its incident in place", List.of(BorderWatchSystem.CLASSIFIER),
                () -> {
                    JsonNode latest = verdictHolding(khoznavar, "SYUNIK_EAST").path("latest");
                    assertThat(latest.path("incidentId").asString())
                            .isEqualTo(beforeCorrection.path("incidentId").asString());
                    assertThat(latest.path("version").asLong())
                            .isGreaterThan(beforeCorrection.path("version").asLong());
                    assertThat(latest.path("closed").asBoolean()).as("a correction does not close the incident").isFalse();
                    assertThat(latest.path("occurrence").asString())
                            .isEqualTo(beforeCorrection.path("occurrence").asString());
                    assertThat(latest.path("reportIds").path("DENIAL").size()).as("the denial stays with the claim")
                            .isEqualTo(beforeCorrection.path("reportIds").path("DENIAL").size()).isPositive();
                });
    }

    @Test
    @Order(8)
    void incidentsCloseAfterTheirQuietPeriodAndTheirAlertsResolve() {
        String killed = reportIds.get("acc-am-mod-20240213");
        assertThat(killed).as("the February step ran").isNotNull();
        eventually("the February incident is closed, a year of stream time later", List.of(BorderWatchSystem.CLASSIFIER),
                () -> assertThat(verdictHolding(killed, "SYUNIK_EAST").path("latest").path("closed").asBoolean())
                        .isTrue());
        String incident = verdictHolding(killed, "SYUNIK_EAST").path("latest").path("incidentId").asString();
        eventually("the Syunik desk is told that the Nerkin Hand alert is resolved", List.of(BorderWatchSystem.ALERT),
                () -> assertThat(alertsIn(receiver.requests(SYUNIK_HOOK))).anySatisfy(alert -> {
                    assertThat(alert.path("incidentId").asString()).isEqualTo(incident);
                    assertThat(alert.path("event").asString()).isEqualTo("RESOLVED");
                }));
        assertSignedAndFiltered(receiver.requests(SYUNIK_HOOK), SYUNIK_SECRET);
    }

    @Test
    @Order(9)
    void everyRecordOnTheSharedTopicsFollowsItsSchemaAndKey() {
        eventually("alert-service publishes the Nerkin Hand alert on " + ALERTS, List.of(BorderWatchSystem.ALERT),
                () -> assertThat(topics.records(ALERTS)).anySatisfy(r ->
                        assertThat(Json.tree(r.value()).path("severity").asString()).isEqualTo("CRITICAL")));

        assertThat(topics.records(NORMALIZED)).isNotEmpty().allSatisfy(r -> {
            assertThat(JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, r.value())).as("%s", r.text()).isEmpty();
            assertThat(r.key()).as("key = primary segment of %s", r.text())
                    .isEqualTo(Json.tree(r.value()).path("location").path("segments").path(0).asString());
        });
        assertThat(topics.records(ASSESSMENTS)).isNotEmpty().allSatisfy(r -> {
            assertThat(JsonSchemas.validate(JsonSchemas.ASSESSMENT, r.value())).as("%s", r.text()).isEmpty();
            assertThat(r.key()).isEqualTo(Json.tree(r.value()).path("incidentId").asString());
        });
        assertThat(topics.records(ALERTS)).isNotEmpty().allSatisfy(r -> {
            assertThat(JsonSchemas.validate(JsonSchemas.ALERT, r.value())).as("%s", r.text()).isEmpty();
            assertThat(r.key()).isEqualTo(Json.tree(r.value()).path("incidentId").asString());
        });
    }

    @Test
    @Order(10)
    void everyServiceReportsItsHealthAndPrometheusMetrics() {
        for (String service : List.of(BorderWatchSystem.INGEST, BorderWatchSystem.CLASSIFIER, BorderWatchSystem.ALERT)) {
            for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
                Api.Answer health = api.get(service, probe);
                assertThat(health.status()).as("%s %s: %s", service, probe, health).isEqualTo(200);
                assertThat(health.json().path("status").asString()).isEqualTo("UP");
            }
            Api.Answer metrics = api.get(service, "/actuator/prometheus");
            assertThat(metrics.status()).as("%s /actuator/prometheus", service).isEqualTo(200);
            assertThat(metrics.body().lines().filter(l -> l.startsWith("borderwatch_")))
                    .as("%s exports borderwatch_* meters tagged with its name", service)
                    .isNotEmpty()
                    .allSatisfy(l -> assertThat(l).contains("application=\"" + service + "\""));
        }
        // the counters operators watch moved with this run's traffic
        assertThat(counter(BorderWatchSystem.INGEST, "borderwatch_reports_rejected_total", "reason=\"MALFORMED\""))
                .as("ingest's rejected records (MALFORMED)").isPositive();
        assertThat(counter(BorderWatchSystem.INGEST, "borderwatch_reports_normalized_total"))
                .as("ingest's normalised reports").isGreaterThanOrEqualTo(reportIds.size());
        assertThat(counter(BorderWatchSystem.CLASSIFIER, "borderwatch_assessments_total"))
                .as("the classifier's assessment versions").isPositive();
        assertThat(counter(BorderWatchSystem.ALERT, "borderwatch_deliveries_total", "channel=\"webhook\"",
                "outcome=\"delivered\"")).as("alert-service's delivered webhooks")
                .isGreaterThanOrEqualTo(receiver.requests(SYUNIK_HOOK).size() + receiver.requests(SURGE_HOOK).size());
    }

    @Test
    @Order(11)
    void everyMetricTheDashboardsAndRulesUseIsExportedByItsService() throws Exception {
        // deploy/observability keeps the list that Grafana dashboards and Prometheus rules may use, one section per
        // service; after this run's traffic every name on it must be on that service's live endpoint
        Path list = BorderWatchSystem.projectDir().resolve("deploy/observability/src/test/resources/exported-metrics.txt");
        assertThat(list).as("the metric list of deploy/observability").exists();
        String service = null;
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (String line : Files.readAllLines(list)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# service:")) {
                service = trimmed.substring("# service:".length()).strip();
            } else if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                assertThat(service).as("a metric before any '# service:' line: %s", trimmed).isNotNull();
                expected.computeIfAbsent(service, s -> new ArrayList<>()).add(trimmed.split("\\s+")[0]);
            }
        }
        assertThat(expected).containsOnlyKeys(BorderWatchSystem.INGEST, BorderWatchSystem.CLASSIFIER,
                BorderWatchSystem.ALERT);
        expected.forEach((name, metrics) -> {
            Set<String> exported = api.get(name, "/actuator/prometheus").body().lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("[{ ]", 2)[0])
                    .collect(Collectors.toSet());
            assertThat(exported).as("metrics on %s's /actuator/prometheus", name).containsAll(metrics);
        });
    }

    /** The sum of a Prometheus counter's samples whose labels contain every one of {@code labels}. */
    private static double counter(String service, String name, String... labels) {
        return api.get(service, "/actuator/prometheus").body().lines()
                .filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> List.of(labels).stream().allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    // ---- helpers ----

    private static void postAccepted(String sourceRef, String json) {
        Api.Answer answer = api.postReports("statement", "application/json", json, BorderWatchSystem.PARTNER_KEY);
        assertThat(answer.status()).as("POST %s: %s", sourceRef, answer).isEqualTo(202);
        JsonNode accepted = answer.json().path("accepted");
        assertThat(accepted.size()).as("POST %s: %s", sourceRef, answer).isEqualTo(1);
        reportIds.put(sourceRef, accepted.path(0).path("reportId").asString());
    }

    private static byte[] resource(String path) throws IOException {
        try (InputStream in = BorderWatchAcceptanceIT.class.getResourceAsStream(path)) {
            assertThat(in).as("test resource %s", path).isNotNull();
            return in.readAllBytes();
        }
    }

    private static Optional<JsonNode> normalised(String reportId) {
        return topics.records(NORMALIZED).stream().map(r -> Json.tree(r.value()))
                .filter(n -> n.path("reportId").asString().equals(reportId)).reduce((a, b) -> b);
    }

    private static Optional<JsonNode> normalisedBySourceRef(String sourceRef) {
        return topics.records(NORMALIZED).stream().map(r -> Json.tree(r.value()))
                .filter(n -> n.path("sourceRef").asString().equals(sourceRef)).reduce((a, b) -> b);
    }

    /** The verdict detail ({@code GET /api/v1/verdicts/{id}}) of the open or closed incident holding a report. */
    private static JsonNode verdictHolding(String reportId, String segment) {
        Api.Answer list = api.staffGet("/api/v1/verdicts?segment=" + segment + "&size=500");
        assertThat(list.status()).as("%s", list).isEqualTo(200);
        List<String> seen = new ArrayList<>();
        for (JsonNode summary : list.list()) {
            Api.Answer detail = api.staffGet("/api/v1/verdicts/" + summary.path("incidentId").asString());
            assertThat(detail.status()).as("%s", detail).isEqualTo(200);
            JsonNode latest = detail.json().path("latest");
            if (reportIdsOf(latest).contains(reportId)) {
                return detail.json();
            }
            seen.add(latest.path("incidentId").asString() + " " + latest.path("occurrence").asString() + " "
                    + reportIdsOf(latest));
        }
        throw new AssertionError("no verdict in " + segment + " holds report " + reportId + "; verdicts there: " + seen);
    }

    /** An incident's alert as alert-service shows it (state and every message). */
    private static JsonNode alertOf(String incidentId) {
        Api.Answer alerts = api.staffGet("/api/v1/alerts?size=500");
        assertThat(alerts.status()).as("%s", alerts).isEqualTo(200);
        String alertId = alerts.list().stream().filter(a -> a.path("incidentId").asString().equals(incidentId))
                .map(a -> a.path("alertId").asString()).findFirst()
                .orElseThrow(() -> new AssertionError("no alert for incident " + incidentId));
        return api.staffGet("/api/v1/alerts/" + alertId).json();
    }

    private static List<String> reportIdsOf(JsonNode assessment) {
        List<String> ids = new ArrayList<>();
        assessment.path("reportIds").values().forEach(byStance -> byStance.valueStream()
                .forEach(id -> ids.add(id.asString())));
        return ids;
    }

    private static List<String> signalsOf(JsonNode assessment) {
        return assessment.path("signals").valueStream().map(s -> s.path("type").asString()).toList();
    }

    private static int killedOf(JsonNode assessment, String party) {
        return assessment.path("casualties").valueStream().filter(c -> c.path("party").asString().equals(party))
                .mapToInt(c -> c.path("killed").asInt()).sum();
    }

    private static final String TIMESTAMP_HEADER = "X-BorderWatch-Timestamp";
    private static final String SIGNATURE_HEADER = "X-BorderWatch-Signature";

    /** The alerts of one webhook notification (its body's {@code alerts} list). */
    private static List<JsonNode> alertsOf(WebhookReceiver.Request delivery) {
        return Json.tree(delivery.body()).path("alerts").valueStream().toList();
    }

    /** HMAC-SHA256 of {@code timestamp + "." + body} with {@code secret}, compared in constant time. */
    private static boolean signedWith(WebhookReceiver.Request delivery, String secret) {
        String timestamp = delivery.header(TIMESTAMP_HEADER);
        String signature = delivery.header(SIGNATURE_HEADER);
        if (timestamp == null || signature == null) {
            return false;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(delivery.body()));
            return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    signature.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The timestamp header lies within {@code toleranceSeconds} of when the request arrived. */
    private static boolean fresh(WebhookReceiver.Request delivery, long toleranceSeconds) {
        try {
            return Math.abs(delivery.receivedAt().getEpochSecond() - Long.parseLong(delivery.header(TIMESTAMP_HEADER)))
                    <= toleranceSeconds;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<JsonNode> alertsIn(List<WebhookReceiver.Request> deliveries) {
        return deliveries.stream().flatMap(d -> alertsOf(d).stream()).toList();
    }

    /**
     * Every delivery carries a fresh timestamp, a delivery id and a valid HMAC-SHA256 signature with the secret, its
     * body follows the Notification schema and its alerts the Alert schema; no message of an alert reaches the subscriber under two delivery ids
     * (a retry keeps its id, a duplicate would not).
     */
    private static void assertSignedAndFiltered(List<WebhookReceiver.Request> deliveries, String secret) {
        Map<String, Set<String>> deliveryIdsByMessage = new LinkedHashMap<>();
        deliveries.forEach(d -> alertsOf(d).forEach(alert -> deliveryIdsByMessage
                .computeIfAbsent(alert.path("alertId").asString() + "#" + alert.path("sequence").asLong(),
                        k -> new TreeSet<>()).add(String.valueOf(d.header(WebhookReceiver.DELIVERY_HEADER)))));
        assertThat(deliveryIdsByMessage).as("alert messages and the deliveries that carried them")
                .allSatisfy((message, ids) -> assertThat(ids).as(message).hasSize(1));
        assertThat(deliveries).isNotEmpty().allSatisfy(d -> {
            assertThat(d.header(WebhookReceiver.DELIVERY_HEADER)).as("idempotency key of %s", d).isNotBlank();
            assertThat(fresh(d, 300)).as("timestamp of %s within 5 minutes of its arrival", d).isTrue();
            assertThat(signedWith(d, secret)).as("HMAC-SHA256 over timestamp.body of %s", d).isTrue();
            assertThat(signedWith(d, secret + "x")).as("a different secret does not verify").isFalse();
            assertThat(JsonSchemas.validate(JsonSchemas.NOTIFICATION, d.body())).as("the body of %s follows the "
                    + "published Notification schema", d).isEmpty();
            assertThat(alertsOf(d)).as("alerts in %s", d).isNotEmpty().allSatisfy(alert ->
                    assertThat(JsonSchemas.validate(JsonSchemas.ALERT, Json.write(alert))).as("%s", alert).isEmpty());
        });
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, system.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    /**
     * Awaits an assertion; on timeout the failure names what did not happen and shows the end of the logs of the
     * services involved.
     */
    private static void eventually(String what, List<String> services, ThrowingRunnable assertion) {
        system.eventually(what, FLOW_TIMEOUT, services, assertion);
    }
}
