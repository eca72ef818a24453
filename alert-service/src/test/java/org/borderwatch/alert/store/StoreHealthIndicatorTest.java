package org.borderwatch.alert.store;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store health check is bounded in time, never runs twice at once, and logs a failure as one line once per
 * state change (a changed reason at most once a minute) — against a stub check, and against a real MongoDB client
 * talking to a server that accepts connections and never answers (a hung store).
 */
class StoreHealthIndicatorTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(StoreHealthIndicator.class);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-10T08:00:00Z"));

    @BeforeEach
    void captureLogs() {
        logs.start();
        logger.addAppender(logs);
    }

    @AfterEach
    void releaseLogs() {
        logger.detachAppender(logs);
    }

    private List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            if (e.getLevel() == Level.WARN) {
                assertThat(e.getThrowableProxy()).as("no stack trace").isNull();
                out.add(e.getFormattedMessage());
            }
        }
        return out;
    }

    @Test
    void aHungCheckAnswersDownWithinTheLimitAndIsNotStartedAgain() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger started = new AtomicInteger();
        StoreHealthIndicator store = new StoreHealthIndicator(() -> {
            started.incrementAndGet();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of("verdicts", 3L);
        }, Duration.ofMillis(200), clock);
        try {
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                Health h = store.health();
                assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
                assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                assertThat(h.getDetails().get("error")).isEqualTo("the store did not answer within 200 ms");
            }
            assertThat(started).as("the hung check is awaited again, not started again").hasValue(1);
            assertThat(warnings()).containsExactly("store health check failed: the store did not answer within 200 ms");
            release.countDown();
            Health up = store.health();
            assertThat(up.getStatus()).isEqualTo(Status.UP);
            assertThat(up.getDetails()).containsEntry("verdicts", 3L);
        } finally {
            store.destroy();
        }
    }

    @Test
    void aFailureIsOneLineOncePerStateChangeAndAChangedReasonAtMostOnceAMinute() {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        StoreHealthIndicator store = new StoreHealthIndicator(() -> {
            if (failure.get() != null) {
                throw failure.get();
            }
            return Map.of("verdicts", 1L);
        }, Duration.ofSeconds(5), clock);
        try {
            assertThat(store.health().getStatus()).isEqualTo(Status.UP);
            failure.set(new IllegalStateException("Timed out after 30000 ms\n\tcluster state is {type=UNKNOWN}"));
            for (int i = 0; i < 5; i++) {
                Health h = store.health();
                assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                assertThat(h.getDetails().get("error"))
                        .isEqualTo("IllegalStateException: Timed out after 30000 ms cluster state is {type=UNKNOWN}");
            }
            assertThat(warnings()).hasSize(1);
            failure.set(new IllegalStateException("connection refused"));
            store.health();
            assertThat(warnings()).as("a new reason within the minute is not logged").hasSize(1);
            clock.advance(StoreHealthIndicator.RELOG_AFTER);
            failure.set(new IllegalStateException("connection reset"));
            store.health();
            store.health();
            assertThat(warnings()).hasSize(2).last().isEqualTo("store health check failed: IllegalStateException: "
                    + "connection reset");
            failure.set(null);
            assertThat(store.health().getStatus()).isEqualTo(Status.UP);
            failure.set(new IllegalStateException("connection reset"));
            store.health();
            assertThat(warnings()).as("UP then DOWN again is a change of state").hasSize(3);
        } finally {
            store.destroy();
        }
    }

    @Test
    void againstAStoreThatAcceptsConnectionsAndNeverAnswers() throws Exception {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket silent = new ServerSocket(0)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            // the driver's own server selection would wait 30 s
            try (MongoClient client = MongoClients.create(MongoClientSettings.builder()
                    .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + silent.getLocalPort()
                            + "/borderwatch")).build())) {
                StoreHealthIndicator store = new StoreHealthIndicator(new MongoTemplate(client, "borderwatch"),
                        properties(Duration.ofMillis(500)), clock);
                try {
                    long t0 = System.nanoTime();
                    Health h = store.health();
                    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
                    assertThat(h.getStatus()).isEqualTo(Status.DOWN);
                    assertThat(warnings()).containsExactly(
                            "store health check failed: the store did not answer within 500 ms");
                } finally {
                    store.destroy();
                }
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static AlertProperties properties(Duration healthTimeout) {
        AlertProperties.Store store = new AlertProperties.Store(Duration.ofSeconds(5), Duration.ofSeconds(15),
                Duration.ofSeconds(5), healthTimeout, Duration.ofSeconds(10), 100, 500);
        return new AlertProperties(null, null, null, null, null, null, null, null, null, null, null, null, store, null,
                        null, null, null);
    }
}
