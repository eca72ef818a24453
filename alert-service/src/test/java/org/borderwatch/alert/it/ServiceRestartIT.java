package org.borderwatch.alert.it;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.testkit.WebhookReceiver;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.delivery.DeliveryWorker;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.testkit.BorderWatchInfrastructure;
import org.borderwatch.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 5, "restart with pending outbox entries: each delivered once" (test audit T2), with a real restart: the
 * application is started, stopped and started again on the same store and broker, as a process would be. Its store
 * is a database of this test's own and it reads a topic of its own, so the shared test context (same JVM, same
 * broker and store server) neither sends its rows nor takes its assessments.
 * <p>
 * The first instance stores the alerts and tries to deliver them to a receiver that answers 503, so the rows are
 * PENDING with a failed round behind them when it stops. The receiver then accepts; the second instance (new lease
 * owner, indexes created again over existing data, its own scheduler start) delivers each row exactly once.
 */
@BorderWatchInfrastructure
class ServiceRestartIT {

    private static final String USER = "staff1";

    private final WebhookReceiver receiver = new WebhookReceiver();
    private final String topic = "border.assessments.restart-" + UUID.randomUUID().toString().substring(0, 8);
    private final String database = "restart-" + UUID.randomUUID().toString().substring(0, 8);
    /** Both instances are one consumer group (the second goes on from the first's offsets), not the shared one. */
    private final String group = "alert-restart-" + UUID.randomUUID().toString().substring(0, 8);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @AfterEach
    void stop() {
        started.forEach(ConfigurableApplicationContext::close);
        receiver.close();
    }

    private ConfigurableApplicationContext start() {
        Map<String, String> properties = OwnService.onTestkit(database, topic, group);
        // one attempt a round, the next round 300 ms later (doubling each round), never given up meanwhile
        properties.put("alert.delivery.max-attempts", "1");
        properties.put("alert.delivery.max-rounds", "1000");
        properties.put("alert.delivery.round-backoff", "300ms");
        properties.put("alert.delivery.circuit-minimum-calls", "1000");
        ConfigurableApplicationContext context = OwnService.start("it", properties);
        started.add(context);
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return OwnService.port(context);
    }

    private String subscribe(ConfigurableApplicationContext context, String url) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port(context)
                        + "/api/v1/subscriptions"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + USER + "-pw").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"restart desk","channel":{"type":"webhook","url":"%s","secret":"restart-secret-0123"},
                         "filter":{"segments":["ARARAT"]}}""".formatted(url)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return Json.tree(response.body().getBytes(StandardCharsets.UTF_8)).get("id").asString();
    }

    private void send(List<Assessment> assessments) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (Assessment a : assessments) {
                producer.send(new ProducerRecord<>(topic, a.incidentId().toString(), Json.writeBytes(a)));
            }
            producer.flush();
        }
    }

    private static List<OutboxRow> rows(ConfigurableApplicationContext context, List<UUID> incidents, String sub) {
        DeliveryStore store = context.getBean(DeliveryStore.class);
        return incidents.stream().flatMap(i -> store.byAlert(AlertLifecycle.alertIdOf(i)).stream())
                .filter(r -> r.subscriptionId().equals(sub)).toList();
    }

    /** The incidents of the alert messages the receiver accepted on the path, one entry per message. */
    private List<UUID> received(String path) {
        List<UUID> out = new ArrayList<>();
        for (WebhookReceiver.Request r : receiver.accepted(path)) {
            Json.tree(r.body()).get("alerts").forEach(a -> out.add(UUID.fromString(a.get("incidentId").asString())));
        }
        return out;
    }

    @Test
    void deliveriesPendingWhenTheServiceStopsAreEachSentOnceAfterItStartsAgain() throws Exception {
        TestInfrastructure.createTopics(1, topic);
        String path = "/restart/" + UUID.randomUUID();
        receiver.failFirst(path, Integer.MAX_VALUE, 503);
        ConfigurableApplicationContext first = start();
        String sub = subscribe(first, receiver.url(path));
        List<UUID> incidents = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        send(incidents.stream().map(i -> Fixtures.assessment(i, 1, BorderSegment.ARARAT, Severity.HIGH,
                Occurrence.CONFIRMED, false, Fixtures.EVENT_TIME.plusYears(50))).toList());

        // each row has failed a round at least and waits for the next one
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            List<OutboxRow> rows = rows(first, incidents, sub);
            return rows.size() == 3 && rows.stream().allMatch(r -> r.rounds() >= 1);
        });
        String firstOwner = first.getBean(DeliveryWorker.class).owner();
        first.close();
        int refusedBefore = receiver.requests(path).size();
        assertThat(receiver.accepted(path)).isEmpty();
        receiver.failFirst(path, 0, 503);
        // stopped means stopped: no worker of the first instance sends any more
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(5))
                .until(() -> receiver.requests(path).size() == refusedBefore);

        ConfigurableApplicationContext second = start();
        List<OutboxRow> before = rows(second, incidents, sub);
        assertThat(before).hasSize(3).allSatisfy(r -> assertThat(r.status()).isIn(DeliveryStatus.PENDING,
                DeliveryStatus.IN_FLIGHT, DeliveryStatus.DELIVERED));
        assertThat(second.getBean(DeliveryWorker.class).owner()).as("a new lease owner").isNotEqualTo(firstOwner);

        await().atMost(Duration.ofSeconds(60)).until(() -> rows(second, incidents, sub).stream()
                .allMatch(r -> r.status() == DeliveryStatus.DELIVERED));
        // rows due together are sent together (one notification per group): count messages, not requests
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(received(path)).hasSize(3));
        assertThat(received(path)).containsExactlyInAnyOrderElementsOf(incidents);
        Map<String, Long> perKey = receiver.accepted(path).stream()
                .collect(Collectors.groupingBy(r -> r.header("X-BorderWatch-Delivery"), Collectors.counting()));
        assertThat(perKey).allSatisfy((key, n) -> assertThat(n).as(key).isEqualTo(1));
        assertThat(perKey.keySet()).as("each row was delivered under the key of the request that carried it")
                .containsExactlyInAnyOrderElementsOf(rows(second, incidents, sub).stream().map(OutboxRow::batchKey)
                        .distinct().toList());
        // the assessments were not taken again: still one message per incident
        assertThat(rows(second, incidents, sub)).hasSize(3);
    }
}
