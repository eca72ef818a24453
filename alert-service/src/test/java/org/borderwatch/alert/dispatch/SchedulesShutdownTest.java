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
        AtomicInteger finished = new AtomicInteger();
        ThreadPoolTaskScheduler scheduler;
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.register(SchedulerOnly.class);
            context.refresh();
            scheduler = context.getBean(ThreadPoolTaskScheduler.class);
            assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize()).as("a thread for each job").isEqualTo(Schedules.JOBS);
            scheduler.scheduleWithFixedDelay(runs::incrementAndGet, Duration.ofMillis(5));
            scheduler.schedule(() -> {
                inProgress.countDown();
                // a job still busy when the context closes
                await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> true);
                finished.incrementAndGet();
            }, java.time.Instant.now());
            await().atMost(Duration.ofSeconds(5)).until(() -> runs.get() > 3);
            assertThat(inProgress.await(5, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(scheduler.getScheduledExecutor().isTerminated()).as("its threads are gone").isTrue();
        assertThat(finished.get()).as("the job in progress was waited for").isEqualTo(1);
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
