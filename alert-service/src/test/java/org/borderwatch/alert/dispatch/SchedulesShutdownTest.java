package org.borderwatch.alert.dispatch;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Code review F5: the jobs' scheduler is a bean of the context, with a thread per job, and closing the context stops
 * the jobs (before the fix it was created inside configureTasks and its threads outlived the context).
 */
class SchedulesShutdownTest {

    @Test
    void closingTheContextStopsTheJobsAfterWaitingForTheOneInProgress() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch inProgress = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(SchedulerOnly.class);
        context.refresh();
        ThreadPoolTaskScheduler scheduler = context.getBean(ThreadPoolTaskScheduler.class);
        assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).as("a thread for each job")
                .isEqualTo(Schedules.JOBS);
        scheduler.scheduleWithFixedDelay(runs::incrementAndGet, Duration.ofMillis(5));
        scheduler.schedule(() -> {
            inProgress.countDown();
            // a job still busy when the context closes: it ends only when the test lets it
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            finished.incrementAndGet();
        }, java.time.Instant.now());
        await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() > 3);
        assertThat(inProgress.await(5, TimeUnit.SECONDS)).isTrue();

        Thread closer = new Thread(context::close, "closer");
        closer.start();
        // close() is waiting for the job in progress (a scheduler that does not wait would have returned)
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(closer::isAlive);
        assertThat(finished).hasValue(0);
        release.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(closer.isAlive()).as("close() returned once the job ended").isFalse();
        assertThat(finished).as("the job in progress was waited for, not interrupted").hasValue(1);
        assertThat(scheduler.getScheduledExecutor().isTerminated()).as("its threads are gone").isTrue();
        int after = runs.get();
        await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(1)).until(() -> runs.get() == after);
    }

    /** Only the scheduler's bean method of {@link Schedules} (the jobs themselves need the whole service). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    static class SchedulerOnly {
        @org.springframework.context.annotation.Bean(destroyMethod = "shutdown")
        ThreadPoolTaskScheduler alertJobScheduler() {
            return Schedules.alertJobScheduler();
        }
    }
}
