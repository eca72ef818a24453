package org.borderwatch.alert.delivery.stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.StreamLogStore;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Code review F4: the hub's start-up makes no store call, so the service starts while the store is unreachable; the
 * hub reads the log's head on its own thread, retrying, and follows the log once a real MongoDB-wire store answers
 * on the address it was given.
 */
class AlertStreamHubStartTest {

    @Test
    void startsWhileTheStoreIsUnreachableAndFollowsTheLogOnceItAnswers() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        AlertProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "alert.stream.poll-interval", "50ms"))).bindOrCreate("alert", AlertProperties.class);
        MongoServer server = new MongoServer(new MemoryBackend());
        try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(300, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(c -> c.connectTimeout(300, TimeUnit.MILLISECONDS))
                .build())) {
            StreamLogStore store = new StreamLogStore(new MongoTemplate(client, "hub-start"));
            AlertStreamHub hub = new AlertStreamHub(store, properties,
                    new org.borderwatch.alert.AlertMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
            hub.start(); // before the fix: the store's server-selection error, and the context would not start
            try {
                assertThat(hub.isRunning()).isTrue();
                assertThat(hub.head()).as("the log was not read yet").isEqualTo(-1);

                server.bind("127.0.0.1", port);
                UUID incident = UUID.randomUUID();
                Alert alert = new Alert(Alert.SCHEMA_VERSION, AlertLifecycle.alertIdOf(incident), incident, 1, 1,
                        AlertEvent.FIRED, AlertStatus.FIRING, BorderSegment.TAVUSH, Severity.HIGH,
                        Occurrence.UNVERIFIED, null, List.of(), null, List.of(), "after the outage", List.of(), null,
                        OffsetDateTime.now(ZoneOffset.UTC));
                // the driver finds the store again within its own heartbeat; until then an append fails
                long cursor = await().atMost(Duration.ofSeconds(20)).ignoreExceptions()
                        .until(() -> store.append(alert, Json.write(alert), Instant.now()), c -> c > 0);
                await().atMost(Duration.ofSeconds(20)).until(() -> hub.head() == cursor);
            } finally {
                hub.stop();
            }
        } finally {
            server.shutdownNow();
        }
    }
}
