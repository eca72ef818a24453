package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.DeliveryWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/**
 * The periodic jobs: the delivery worker, the outbox relay sweep, repeats of still-firing alerts, and the expiry
 * job that replaces TTL indexes (the MongoDB-wire store used locally ignores them).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class Schedules implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Schedules.class);

    /**
     * The fixed-delay jobs registered below (delivery, relay, repeat, release, expiry, silence gauge): the scheduler
     * has a thread for each, so a long delivery pass or a slow expiry never holds another job back.
     */
    public static final int JOBS = 6;
    /** How long closing the context waits for a job in progress. */
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(10);

    /**
     * The jobs' scheduler, a bean so that closing the context shuts it down (code review F5: created inside
     * {@link #configureTasks} it was never shut down, and its non-daemon threads outlived the context, running jobs
     * against a closing store). Closing it runs no job again and waits up to {@link #SHUTDOWN_WAIT} for one in
     * progress; one still running after that is left to end on its own (Spring logs a warning), on a daemon thread
     * that does not keep the JVM alive.
     */
    @Bean(destroyMethod = "shutdown")
    static ThreadPoolTaskScheduler alertJobScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(JOBS);
        scheduler.setThreadNamePrefix("alert-jobs-");
        scheduler.setDaemon(true);
        scheduler.setWaitForTasksToCompleteOnShutdown(true);
        scheduler.setAwaitTerminationMillis(SHUTDOWN_WAIT.toMillis());
        return scheduler;
    }

    /**
     * A release pass on demand (a silence ended through the API), on the jobs' scheduler: its threads are free
     * between the fixed-delay runs.
     */
    @Bean
    static ReleaseJob releaseJob(AlertDispatcher dispatcher,
                                 @org.springframework.beans.factory.annotation.Qualifier("alertJobScheduler")
                                 ThreadPoolTaskScheduler alertJobScheduler) {
        return new ReleaseJob(dispatcher::releaseSilenced, alertJobScheduler);
    }

    private ThreadPoolTaskScheduler scheduler;

    private final AlertProperties properties;
    private final DeliveryWorker worker;
    private final AlertDispatcher dispatcher;
    private final RetentionJob retention;
    private final SilenceGauge silenceGauge;

    public Schedules(AlertProperties properties, DeliveryWorker worker, AlertDispatcher dispatcher,
                     RetentionJob retention, SilenceGauge silenceGauge,
                     @org.springframework.beans.factory.annotation.Qualifier("alertJobScheduler")
                     ThreadPoolTaskScheduler scheduler) {
        this.scheduler = scheduler;
        this.silenceGauge = silenceGauge;
        this.properties = properties;
        this.worker = worker;
        this.dispatcher = dispatcher;
        this.retention = retention;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.setTaskScheduler(scheduler);
        if (properties.delivery().workerEnabled()) {
            registrar.addFixedDelayTask(guard("delivery", worker::runOnce), properties.delivery().pollInterval());
        }
        registrar.addFixedDelayTask(guard("relay", dispatcher::relayPending),
                properties.lifecycle().relayInterval());
        registrar.addFixedDelayTask(guard("repeat", dispatcher::repeatDue), properties.lifecycle().repeatCheck());
        // alerts held back by a silence that has ended since (a silence deleted through the API wakes a pass at once)
        registrar.addFixedDelayTask(guard("release", dispatcher::releaseSilenced),
                properties.lifecycle().repeatCheck());
        registrar.addFixedDelayTask(guard("expiry", this::expire), properties.lifecycle().expiryInterval());
        registrar.addFixedDelayTask(guard("silence-gauge", silenceGauge::refresh),
                properties.lifecycle().repeatCheck());
        if (registrar.getFixedDelayTaskList().size() > JOBS) {
            // a job added without a thread for it would wait behind the others
            throw new IllegalStateException("Schedules.JOBS is " + JOBS + " but " + registrar.getFixedDelayTaskList()
                    .size() + " jobs are registered: raise it with the new job");
        }
    }

    /**
     * The expiry job (the wire store has no TTL indexes): finished deliveries, audit, ended silences, stream log,
     * each after its retention ({@link RetentionJob}).
     */
    public void expire() {
        retention.run();
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
