package org.borderwatch.alert.it;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.dispatch.RetentionJob;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.SilenceStore;
import org.borderwatch.alert.store.StreamLogStore;
import org.borderwatch.testkit.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The expiry job's retention on the testkit's MongoDB-wire store (no TTL indexes there), in a database of its own with
 * a {@link MutableClock}: each collection purged after its own retention, in batches, never a row still in the
 * outbox, counted in {@code borderwatch.alert.purged}; a zero retention keeps for ever.
 */
class RetentionIT extends OwnDatabaseITSupport {

    private static final Instant T0 = Instant.parse("2031-01-10T00:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AlertMetrics metrics = new AlertMetrics(registry);
    private DeliveryStore deliveries;
    private AuditStore audit;

    private RetentionJob job(Map<String, String> settings) {
        mongo = new MongoTemplate(mongoClient, "retention-" + UUID.randomUUID().toString().substring(0, 8));
        deliveries = init(new DeliveryStore(mongo));
        audit = init(new AuditStore(mongo));
        AlertProperties properties = new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("alert", AlertProperties.class);
        return new RetentionJob(properties, deliveries, audit, init(new SilenceStore(mongo)),
                init(new StreamLogStore(mongo)), metrics, clock);
    }

    private static <T> T init(T store) {
        try {
            ((InitializingBean) store).afterPropertiesSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return store;
    }

    private long purged(String collection) {
        return (long) registry.get(AlertMetrics.PURGED).tag("collection", collection).counter().count();
    }

    private String row(DeliveryStatus status, Duration age) {
        var r = OutboxRows.row("desk", "WEBHOOK", "https://partner.example/hook", status, T0.minus(age));
        deliveries.insertIfAbsent(r);
        return r.id();
    }

    private long count(DeliveryStatus status) {
        return deliveries.count(new DeliveryStore.Query(java.util.Set.of(status), null, null, null, null));
    }

    @Test
    void eachCollectionIsPurgedAfterItsOwnRetentionInBatchesAndCounted() {
        // batches of 2, so every purge below takes several
        RetentionJob job = job(Map.of("alert.retention.batch-size", "2"));
        for (int i = 0; i < 5; i++) {
            row(DeliveryStatus.DELIVERED, Duration.ofDays(31));   // past the 30 days of delivered rows
            row(DeliveryStatus.DELIVERED, Duration.ofDays(29));
            row(DeliveryStatus.FAILED, Duration.ofDays(60));      // failed and abandoned rows are kept 90 days
            row(DeliveryStatus.ABANDONED, Duration.ofDays(91));
            row(DeliveryStatus.PENDING, Duration.ofDays(400));    // still in the outbox: never purged
            audit.record("admin", "review", "incident:" + UUID.randomUUID(), "old", T0.minus(Duration.ofDays(731)));
            audit.record("admin", "review", "incident:" + UUID.randomUUID(), "kept", T0.minus(Duration.ofDays(700)));
        }

        RetentionJob.Purged first = job.run();

        assertThat(first.delivered()).isEqualTo(5);
        assertThat(first.failedOrAbandoned()).isEqualTo(5);
        assertThat(first.audit()).isEqualTo(5);
        assertThat(count(DeliveryStatus.DELIVERED)).isEqualTo(5);
        assertThat(count(DeliveryStatus.FAILED)).isEqualTo(5);
        assertThat(count(DeliveryStatus.ABANDONED)).isZero();
        assertThat(count(DeliveryStatus.PENDING)).isEqualTo(5);
        assertThat(audit.count(new AuditStore.Query(null, null, null, null, null))).isEqualTo(5);
        assertThat(audit.find(new AuditStore.Query(null, null, null, null, null), 0, 10))
                .allMatch(e -> e.detail().equals("kept"));
        assertThat(purged("deliveries")).isEqualTo(10);
        assertThat(purged("audit")).isEqualTo(5);

        // nothing more is old enough: a second pass deletes nothing
        assertThat(job.run().total()).isZero();
        assertThat(purged("deliveries")).isEqualTo(10);

        // 31 days on, the failed rows are 91 days old and the younger delivered ones 60; the audit entries 731 days
        clock.advance(Duration.ofDays(31));
        RetentionJob.Purged later = job.run();
        assertThat(later.delivered()).isEqualTo(5);
        assertThat(later.failedOrAbandoned()).isEqualTo(5);
        assertThat(later.audit()).isEqualTo(5);
        assertThat(count(DeliveryStatus.PENDING)).isEqualTo(5);
        assertThat(purged("deliveries")).isEqualTo(20);
        assertThat(purged("audit")).isEqualTo(10);
    }

    @Test
    void aZeroRetentionKeepsForEver() {
        RetentionJob job = job(Map.of("alert.retention.audit", "0s", "alert.retention.failed-deliveries", "0s",
                "alert.delivery.retention", "0s"));
        row(DeliveryStatus.DELIVERED, Duration.ofDays(3650));
        row(DeliveryStatus.FAILED, Duration.ofDays(3650));
        audit.record("admin", "ack", "alert:" + UUID.randomUUID(), "ten years ago", T0.minus(Duration.ofDays(3650)));

        assertThat(job.run().total()).isZero();
        assertThat(count(DeliveryStatus.DELIVERED)).isEqualTo(1);
        assertThat(count(DeliveryStatus.FAILED)).isEqualTo(1);
        assertThat(audit.count(new AuditStore.Query(null, null, null, null, null))).isEqualTo(1);
        assertThat(purged("audit")).isZero();
    }
}
