package org.borderwatch.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Severity;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** The alert-service's meter names, in one place, and the few helpers that record them. */
public final class AlertMetrics {

    /** Alert messages produced; tags event (fired, updated, reviewed, resolved) and severity. */
    public static final String ALERTS = "borderwatch.alerts";
    /** Delivery outcomes; tags channel and outcome (delivered, failed, retried, circuit_open). */
    public static final String DELIVERIES = "borderwatch.deliveries";
    /** From receiving an assessment to delivering a notification about it. */
    public static final String DELIVERY_LATENCY = "borderwatch.alert.delivery.latency";
    /** Outbox rows waiting (pending or in flight). */
    public static final String OUTBOX_BACKLOG = "borderwatch.alert.outbox.backlog";
    /**
     * Delivery targets being sent to right now by this instance (one send at a time per target, at most
     * {@code alert.delivery.concurrent-targets}); at that limit for long, a healthy target may wait for a thread.
     */
    public static final String DELIVERY_IN_FLIGHT = "borderwatch.alert.delivery.in.flight";
    /** Assessments consumed; tag outcome (stored, duplicate, invalid). */
    public static final String ASSESSMENTS = "borderwatch.alert.assessments";
    /** Alert messages muted; tag reason (inhibited, silenced). */
    public static final String MUTED = "borderwatch.alert.muted";
    /**
     * Silences active now; tag {@code mutes_critical} (true: an ADMIN's, which mutes CRITICAL messages too). Counted
     * by a background job every {@code alert.lifecycle.repeat-check} and after each create/delete through the API,
     * never during a scrape.
     */
    public static final String SILENCES_ACTIVE = "borderwatch.alert.silences.active";
    /**
     * Live-stream clients dropped because they fell {@code alert.stream.client-buffer} messages behind (they stopped
     * reading, or cannot keep up); each is told to resume with {@code Last-Event-ID}. Registered at 0 at start-up.
     */
    public static final String STREAM_DROPPED = "borderwatch.alert.stream.dropped";
    /**
     * Firing alerts the repeat job's query still selected when its last pass ended: due ones it did not get to (it
     * stopped at {@code alert.lifecycle.repeat-max-per-pass}, or a repeat failed), which the next passes continue
     * with. Above 0 for several {@code repeat-check}s, reminders are falling behind. Set by the repeat job, never
     * during a scrape; registered at 0 at start-up.
     */
    public static final String REPEAT_BACKLOG = "borderwatch.alert.repeat.backlog";
    /**
     * Alerts holding outbox rows not yet copied to deliveries when the relay job's last pass ended: rows it did not
     * get to (it stopped at {@code alert.lifecycle.relay-max-per-pass}) or that failed to copy, which the next passes
     * try again. Above 0 for long, notifications are not leaving. Set by the relay job, never during a scrape;
     * registered at 0 at start-up.
     */
    public static final String RELAY_BACKLOG = "borderwatch.alert.relay.backlog";
    /**
     * 1 while the readiness health group is UP, else 0 (evaluated in the background, never during a scrape; the shared
     * gauge of service-support, declared in {@code readiness.ReadinessGaugeConfiguration}).
     */
    public static final String READINESS = "borderwatch.readiness";

    /**
     * Rows the expiry job deleted after their retention, by collection ({@code deliveries}, {@code audit},
     * {@code silences}, {@code stream}); each series registered at 0 at start-up.
     */
    public static final String PURGED = "borderwatch.alert.purged";
    /** The collections {@link #PURGED} counts, each registered at 0 at start-up. */
    public static final List<String> PURGED_COLLECTIONS = List.of("deliveries", "audit", "silences", "stream");

    /** Every outcome a delivery counts, each registered at 0 per channel at start-up. */
    public static final List<String> DELIVERY_OUTCOMES =
            List.of("delivered", "retried", "circuit_open", "rate_limited", "failed");
    /** Every outcome an assessment counts, each registered at 0 at start-up. */
    public static final List<String> ASSESSMENT_OUTCOMES = List.of("stored", "duplicate", "invalid");
    /** Every reason an alert message is muted for, each registered at 0 at start-up. */
    public static final List<String> MUTED_REASONS = List.of("inhibited", "silenced");

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final Timer latency;
    private final AtomicLong silencesActive = new AtomicLong();
    private final AtomicLong silencesActiveCritical = new AtomicLong();
    private final Counter streamDropped;
    private final AtomicLong repeatBacklog = new AtomicLong();
    private final AtomicLong relayBacklog = new AtomicLong();

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(OUTBOX_BACKLOG, backlog, AtomicLong::get).description("outbox rows not yet delivered")
                .register(registry);
        Gauge.builder(SILENCES_ACTIVE, silencesActive, AtomicLong::get).tag("mutes_critical", "false")
                .description("silences active now").register(registry);
        Gauge.builder(SILENCES_ACTIVE, silencesActiveCritical, AtomicLong::get).tag("mutes_critical", "true")
                .description("silences active now").register(registry);
        Gauge.builder(REPEAT_BACKLOG, repeatBacklog, AtomicLong::get)
                .description("firing alerts the repeat job's query still selected after its last pass")
                .register(registry);
        Gauge.builder(RELAY_BACKLOG, relayBacklog, AtomicLong::get)
                .description("alerts holding outbox rows not yet copied after the relay job's last pass")
                .register(registry);
        this.latency = Timer.builder(DELIVERY_LATENCY)
                .description("assessment received to notification delivered")
                .register(registry); // histogram buckets come from application.yml, for percentiles across replicas
        // Every counter series whose tags are known in advance exists from start-up at 0: Prometheus' increase()
        // sees nothing of a series that first appears at 1, so the first FAILED delivery after a start would be lost.
        for (ChannelType type : ChannelType.values()) {
            if (type == ChannelType.STREAM) {
                continue; // the live stream stores and counts no deliveries
            }
            for (String outcome : DELIVERY_OUTCOMES) {
                deliveries(type.wireName(), outcome);
            }
        }
        ASSESSMENT_OUTCOMES.forEach(this::assessments);
        MUTED_REASONS.forEach(this::mutedCounter);
        PURGED_COLLECTIONS.forEach(this::purgedCounter);
        this.streamDropped = Counter.builder(STREAM_DROPPED)
                .description("live stream clients dropped for falling too far behind").register(registry);
        for (AlertEvent event : AlertEvent.values()) {
            for (Severity severity : Severity.values()) {
                alerts(event, severity);
            }
        }
    }

    private Counter purgedCounter(String collection) {
        return Counter.builder(PURGED).tag("collection", collection)
                .description("rows deleted after their retention").register(registry);
    }

    /** Rows of {@code collection} (one of {@link #PURGED_COLLECTIONS}) the expiry job deleted. */
    public void purged(String collection, long rows) {
        if (rows > 0) {
            purgedCounter(collection).increment(rows);
        }
    }

    private Counter deliveries(String channel, String outcome) {
        return Counter.builder(DELIVERIES).tag("channel", lower(channel)).tag("outcome", outcome).register(registry);
    }

    private Counter assessments(String outcome) {
        return Counter.builder(ASSESSMENTS).tag("outcome", outcome).register(registry);
    }

    private Counter mutedCounter(String reason) {
        return Counter.builder(MUTED).tag("reason", reason).register(registry);
    }

    private Counter alerts(AlertEvent event, Severity severity) {
        return Counter.builder(ALERTS).tag("event", lower(event.name())).tag("severity", lower(severity.name()))
                .register(registry);
    }

    public void alert(Alert message) {
        alerts(message.event(), message.severity()).increment();
    }

    public void delivery(String channel, String outcome, int count) {
        deliveries(channel, outcome).increment(count);
    }

    public void assessment(String outcome) {
        assessments(outcome).increment();
    }

    public void muted(String reason) {
        mutedCounter(reason).increment();
    }

    /** A live-stream client dropped for falling {@code alert.stream.client-buffer} messages behind. */
    public void streamDropped() {
        streamDropped.increment();
    }

    /** Registers the gauge of the targets being sent to, read from {@code inFlight}. */
    public void deliveriesInFlight(java.util.function.IntSupplier inFlight) {
        Gauge.builder(DELIVERY_IN_FLIGHT, inFlight, s -> s.getAsInt())
                .description("delivery targets being sent to now").strongReference(true).register(registry);
    }

    public void latency(Duration d) {
        if (!d.isNegative()) {
            latency.record(d);
        }
    }

    /** The silences active now: those that mute CRITICAL messages too (ADMIN's) and the others. */
    public void silencesActive(long mutingCritical, long others) {
        silencesActiveCritical.set(mutingCritical);
        silencesActive.set(others);
    }

    /** The alerts the last repeat pass left for the next ones. */
    public void repeatBacklog(long value) {
        repeatBacklog.set(value);
    }

    /** The alerts whose outbox rows the last relay pass left for the next ones. */
    public void relayBacklog(long value) {
        relayBacklog.set(value);
    }

    public void backlog(long value) {
        backlog.set(value);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
