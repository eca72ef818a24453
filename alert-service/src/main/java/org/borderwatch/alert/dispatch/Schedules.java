package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.DeliveryWorker;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.SilenceStore;
import org.borderwatch.alert.store.StreamLogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;
import java.time.Duration;

/**
 * The periodic jobs: the delivery worker, the outbox relay sweep, repeats of still-firing alerts, and the expiry
 * job that replaces TTL indexes (the MongoDB-wire store used locally ignores them).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class Schedules implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    private final AlertProperties properties;
    private final DeliveryWorker worker;
    private final AlertDispatcher dispatcher;
    private final DeliveryStore deliveries;
    private final SilenceStore silences;
    private final StreamLogStore streamLog;
    private final Clock clock;
    private final SilenceGauge silenceGauge;

    public Schedules(AlertProperties properties, DeliveryWorker worker, AlertDispatcher dispatcher,
                     DeliveryStore deliveries, SilenceStore silences, StreamLogStore streamLog, Clock clock,
                     SilenceGauge silenceGauge) {
        this.silenceGauge = silenceGauge;
        this.properties = properties;
        this.worker = worker;
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.silences = silences;
        this.streamLog = streamLog;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(3);
        scheduler.setThreadNamePrefix("alert-jobs-");
        scheduler.initialize();
        registrar.setTaskScheduler(scheduler);
        if (properties.delivery().workerEnabled()) {
            registrar.addFixedDelayTask(guard("delivery", worker::runOnce), properties.delivery().pollInterval());
        }
        registrar.addFixedDelayTask(guard("relay", dispatcher::relayPending), Duration.ofSeconds(5));
        registrar.addFixedDelayTask(guard("repeat", dispatcher::repeatDue), properties.lifecycle().repeatCheck());
        // alerts held back by a silence that has ended since (a deleted silence is released at once by the API)
        registrar.addFixedDelayTask(guard("release", dispatcher::releaseSilenced),
                properties.lifecycle().repeatCheck());
        registrar.addFixedDelayTask(guard("expiry", this::expire), Duration.ofHours(1));
        registrar.addFixedDelayTask(guard("silence-gauge", silenceGauge::refresh),
                properties.lifecycle().repeatCheck());
    }

    /** The expiry job (the wire store has no TTL indexes): finished deliveries, ended silences, stream log. */
    public void expire() {
        var now = clock.instant();
        long rows = deliveries.expire(now.minus(properties.delivery().retention()));
        long ended = silences.purgeEndedBefore(now.minus(properties.silences().retention()));
        long streamed = streamLog.expire(now.minus(properties.stream().replayWindow()));
        if (rows + ended + streamed > 0) {
            log.info("expiry: {} deliveries, {} silences and {} stream messages removed", rows, ended, streamed);
        }
    }

    private static Runnable guard(String name, Runnable job) {
        return () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                log.warn("{} job failed: {}", name, e.toString());
            }
        };
    }
}
