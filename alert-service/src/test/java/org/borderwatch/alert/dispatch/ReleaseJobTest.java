package org.borderwatch.alert.dispatch;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * Code review F12: ending a silence through the API wakes a release pass on another thread and returns at once;
 * wakes while a pass is queued add none; a wake during a pass queues one more; a failing pass or a full executor
 * never reaches the caller.
 */
class ReleaseJobTest {

    @Test
    void aWakeReturnsAtOnceAndThePassRunsOnAnotherThread() throws Exception {
        CountDownLatch inPass = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        AtomicInteger passes = new AtomicInteger();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Thread caller = Thread.currentThread();
            ReleaseJob job = new ReleaseJob(() -> {
                assertThat(Thread.currentThread()).isNotSameAs(caller);
                passes.incrementAndGet();
                inPass.countDown();
                await().atMost(Duration.ofSeconds(10)).until(() -> letGo.getCount() == 0);
            }, executor);

            long start = System.nanoTime();
            job.wake();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
            assertThat(inPass.await(10, TimeUnit.SECONDS)).isTrue();
            // during the pass: one more is queued, however many wakes come
            job.wake();
            job.wake();
            job.wake();
            letGo.countDown();
            await().atMost(Duration.ofSeconds(10)).until(() -> passes.get() == 2);
            executor.shutdown();
            assertThat(executor.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            assertThat(passes).hasValue(2);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFailingPassOrAFullExecutorNeverReachesTheCallerAndTheNextWakeStillRuns() {
        AtomicInteger passes = new AtomicInteger();
        ReleaseJob failing = new ReleaseJob(() -> {
            passes.incrementAndGet();
            throw new IllegalStateException("store down");
        }, Runnable::run);
        assertThatCode(failing::wake).doesNotThrowAnyException();
        assertThatCode(failing::wake).doesNotThrowAnyException();
        assertThat(passes).hasValue(2);

        AtomicInteger offered = new AtomicInteger();
        ReleaseJob full = new ReleaseJob(passes::incrementAndGet, task -> {
            if (offered.incrementAndGet() == 1) {
                throw new RejectedExecutionException("no thread");
            }
            task.run();
        });
        assertThatCode(full::wake).doesNotThrowAnyException();
        full.wake(); // not stuck as "queued" after the refusal
        assertThat(offered).hasValue(2);
        assertThat(passes).hasValue(3);
    }
}
