package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.SilenceStore;
import org.borderwatch.alert.store.StreamLogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The expiry job's work (the MongoDB-wire store has no TTL indexes): deletes, in batches of
 * {@code alert.retention.batch-size}, DELIVERED rows after {@code alert.delivery.retention}, FAILED and ABANDONED
 * rows after {@code alert.retention.failed-deliveries}, audit entries after {@code alert.retention.audit}, ended
 * silences after {@code alert.silences.retention} and stream messages after {@code alert.stream.replay-window};
 * counts each in {@code borderwatch_alert_purged_total{collection}}. A zero retention keeps for ever.
 */
@Component
public class RetentionJob {

    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);

    private final AlertProperties properties;
    private final DeliveryStore deliveries;
    private final AuditStore audit;
    private final SilenceStore silences;
    private final StreamLogStore streamLog;
    private final AlertMetrics metrics;
    private final Clock clock;

    public RetentionJob(AlertProperties properties, DeliveryStore deliveries, AuditStore audit, SilenceStore silences,
                        StreamLogStore streamLog, AlertMetrics metrics, Clock clock) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.audit = audit;
        this.silences = silences;
        this.streamLog = streamLog;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** What one pass deleted. */
    public record Purged(long delivered, long failedOrAbandoned, long audit, long silences, long stream) {
        public long total() {
            return delivered + failedOrAbandoned + audit + silences + stream;
        }
    }

    public Purged run() {
        Instant now = clock.instant();
        AlertProperties.Retention r = properties.retention();
        int batch = r.batchSize();
        long delivered = AlertProperties.Retention.cutoff(now, properties.delivery().retention())
                .map(c -> deliveries.purge(List.of(DeliveryStatus.DELIVERED), c, batch)).orElse(0L);
        long failed = AlertProperties.Retention.cutoff(now, r.failedDeliveries())
                .map(c -> deliveries.purge(List.of(DeliveryStatus.FAILED, DeliveryStatus.ABANDONED), c, batch))
                .orElse(0L);
        long audited = AlertProperties.Retention.cutoff(now, r.audit()).map(c -> audit.purgeBefore(c, batch))
                .orElse(0L);
        long ended = AlertProperties.Retention.cutoff(now, properties.silences().retention())
                .map(silences::purgeEndedBefore).orElse(0L);
        long streamed = streamLog.expire(now.minus(properties.stream().replayWindow()));
        metrics.purged("deliveries", delivered + failed);
        metrics.purged("audit", audited);
        metrics.purged("silences", ended);
        metrics.purged("stream", streamed);
        Purged purged = new Purged(delivered, failed, audited, ended, streamed);
        if (purged.total() > 0) {
            log.info("expiry: {} delivered and {} failed or abandoned deliveries, {} audit entries, {} silences and {} "
                    + "stream messages removed", delivered, failed, audited, ended, streamed);
        }
        return purged;
    }
}
