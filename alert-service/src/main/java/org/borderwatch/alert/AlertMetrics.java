package org.borderwatch.alert;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.borderwatch.common.model.Alert;

import java.time.Duration;
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
    /** Assessments consumed; tag outcome (stored, duplicate, invalid). */
    public static final String ASSESSMENTS = "borderwatch.alert.assessments";
    /** Alert messages muted; tag reason (inhibited, silenced). */
    public static final String MUTED = "borderwatch.alert.muted";
    /** 1 while the readiness health group is UP, else 0 (evaluated in the background, never during a scrape). */
    public static final String READINESS = "borderwatch.readiness";

    private final MeterRegistry registry;
    private final AtomicLong backlog = new AtomicLong();
    private final Timer latency;

    public AlertMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(OUTBOX_BACKLOG, backlog, AtomicLong::get).description("outbox rows not yet delivered")
                .register(registry);
        this.latency = Timer.builder(DELIVERY_LATENCY)
                .description("assessment received to notification delivered")
                .register(registry); // histogram buckets come from application.yml, for percentiles across replicas
    }

    public void alert(Alert message) {
        Counter.builder(ALERTS).tag("event", lower(message.event().name()))
                .tag("severity", lower(message.severity().name())).register(registry).increment();
    }

    public void delivery(String channel, String outcome, int count) {
        Counter.builder(DELIVERIES).tag("channel", lower(channel)).tag("outcome", outcome).register(registry)
                .increment(count);
    }

    public void assessment(String outcome) {
        Counter.builder(ASSESSMENTS).tag("outcome", outcome).register(registry).increment();
    }

    public void muted(String reason) {
        Counter.builder(MUTED).tag("reason", reason).register(registry).increment();
    }

    /** Registers the readiness gauge, read from {@code state} (held strongly: it lives as long as the registry). */
    public <T> void readiness(T state, java.util.function.ToDoubleFunction<T> value) {
        Gauge.builder(READINESS, state, value).description("1 when the readiness health group is UP, else 0")
                .strongReference(true).register(registry);
    }

    public void latency(Duration d) {
        if (!d.isNegative()) {
            latency.record(d);
        }
    }

    public void backlog(long value) {
        backlog.set(value);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
