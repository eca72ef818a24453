package org.borderwatch.alert.store;

import org.borderwatch.alert.AlertProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Health of the store, checked the same way on real MongoDB and on the MongoDB-wire store used locally (Boot's own
 * Mongo indicator sends {@code hello} to every database, which the wire store does not answer; it is switched off
 * with {@code management.health.mongodb.enabled=false}).
 * <p>
 * The check is bounded: it runs on its own thread and the answer is DOWN when it has not finished within
 * {@code alert.store.health-timeout}, so a hung store cannot hold a readiness probe for the driver's 30 s. A check
 * still hung is awaited again by the next probe, never started twice. A failure is logged as one WARN line (the
 * reason, no stack trace) when the state changes, and again while DOWN only when the reason changes, at most once a
 * minute; the recovery as one INFO line.
 */
@Component("store")
public class StoreHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StoreHealthIndicator.class);
    /** While DOWN, a changed reason is logged at most this often. */
    static final Duration RELOG_AFTER = Duration.ofMinutes(1);
    private static final int MAX_REASON = 300;

    private final Supplier<Map<String, Object>> check;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService checks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "store-health");
        t.setDaemon(true);
        return t;
    });
    private Future<Map<String, Object>> running;
    private String lastFailure;
    private Instant lastLogged = Instant.MIN;

    @Autowired
    public StoreHealthIndicator(MongoTemplate mongo, AlertProperties properties, Clock clock) {
        this(() -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("database", mongo.getDb().getName());
            details.put("verdicts", mongo.getCollection(VerdictStore.LATEST).estimatedDocumentCount());
            return details;
        }, properties.store().healthTimeout(), clock);
    }

    /**
     * @param check   reads the store and returns the details of an UP answer; may block or throw
     * @param timeout how long a probe waits for it
     */
    StoreHealthIndicator(Supplier<Map<String, Object>> check, Duration timeout, Clock clock) {
        this.check = check;
        this.timeout = timeout;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Future<Map<String, Object>> f;
        synchronized (this) {
            if (running == null || running.isDone()) {
                running = checks.submit(check::get);
            }
            f = running;
        }
        try {
            Map<String, Object> details = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            recovered();
            return Health.up().withDetails(details).build();
        } catch (TimeoutException e) {
            return down("the store did not answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return down(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted while waiting for the store");
        }
    }

    private synchronized void recovered() {
        if (lastFailure != null) {
            log.info("store health check passes again");
            lastFailure = null;
        }
    }

    private synchronized Health down(String why) {
        String reason = oneLine(why);
        Instant now = clock.instant();
        boolean changedState = lastFailure == null;
        boolean changedReason = !reason.equals(lastFailure);
        if (changedState || (changedReason && !now.isBefore(lastLogged.plus(RELOG_AFTER)))) {
            log.warn("store health check failed: {}", reason);
            lastLogged = now;
        }
        lastFailure = reason;
        return Health.down().withDetail("error", reason).build();
    }

    /** The reason on one line, cut short: driver messages can carry a whole cluster description. */
    static String oneLine(String text) {
        String s = String.valueOf(text).replaceAll("\\s+", " ").trim();
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "…";
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }
}
