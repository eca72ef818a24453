package org.borderwatch.ingest.stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The publish threads are bounded: when every one is busy (a broker that stopped answering), one more send is refused
 * at once with the retryable {@link PublishFailedException} — never queued, never a new thread, never a hang — and a
 * send that timed out but is still stuck in the client keeps its thread.
 */
class PublishThreadsTest {

    private final CountDownLatch broker = new CountDownLatch(1);
    private final List<CompletableFuture<Void>> callers = new ArrayList<>();
    private final ExecutorService callerThreads = Executors.newCachedThreadPool();
    private PublishThreads threads;

    @AfterEach
    void release() {
        broker.countDown();
        callerThreads.shutdownNow();
        if (threads != null) {
            threads.close();
        }
    }

    /** A send that waits for the broker and, like a client stuck in {@code max.block.ms}, ignores interrupts. */
    private void stuckSend() {
        boolean interrupted = false;
        while (true) {
            try {
                broker.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void occupy(int n) {
        for (int i = 0; i < n; i++) {
            callers.add(CompletableFuture.runAsync(() -> threads.run(this::stuckSend), callerThreads));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> threads.busy() == n);
    }

    @Test
    void aSaturatedPoolRefusesTheNextSendAtOnceWithTheRetryableFailure() {
        threads = new PublishThreads(2, Duration.ofSeconds(30));
        occupy(2);
        AtomicInteger ran = new AtomicInteger();

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> threads.run(ran::incrementAndGet))
                .isInstanceOf(PublishFailedException.class)
                .hasMessage("all 2 publish threads (ingest.publish-threads) are busy")
                .hasNoCause());
        assertThat(ran).hasValue(0); // refused, not queued to run later
        assertThat(threads.busy()).isEqualTo(2);
        assertThat(threads.poolSize()).isEqualTo(2); // no third thread

        broker.countDown(); // the broker answers again: the waiting callers finish and threads are free
        callers.forEach(CompletableFuture::join);
        await().atMost(Duration.ofSeconds(5)).until(() -> threads.busy() == 0);
        threads.run(ran::incrementAndGet);
        assertThat(ran).hasValue(1);
    }

    @Test
    void aTimedOutSendStillStuckInTheClientKeepsItsThread() {
        threads = new PublishThreads(1, Duration.ofMillis(100));
        assertThatThrownBy(() -> threads.run(this::stuckSend))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("did not confirm the send within");
        assertThat(threads.busy()).isEqualTo(1); // its caller gave up; the send did not

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThatThrownBy(() -> threads.run(() -> { }))
                .isInstanceOf(PublishFailedException.class)
                .hasMessageContaining("publish threads (ingest.publish-threads) are busy"));

        broker.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> threads.busy() == 0);
        threads.run(() -> { });
    }

    @Test
    void aFailedSendIsThePublishFailureWithItsCause() {
        threads = new PublishThreads(1, Duration.ofSeconds(5));
        IllegalStateException refused = new IllegalStateException("could not send to normalized-out-0");
        assertThatThrownBy(() -> threads.run(() -> {
            throw refused;
        })).isInstanceOf(PublishFailedException.class).hasMessage("the send failed").hasCause(refused);
    }

    @Test
    void afterCloseSendsAreRefusedAndRunningOnesInterrupted() throws Exception {
        threads = new PublishThreads(2, Duration.ofSeconds(30));
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<Throwable> running = CompletableFuture.supplyAsync(() -> {
            try {
                threads.run(() -> {
                    started.countDown();
                    try {
                        new CountDownLatch(1).await(); // a send that ends only when interrupted
                    } catch (InterruptedException e) {
                        throw new IllegalStateException("interrupted", e);
                    }
                });
                return null;
            } catch (PublishFailedException e) {
                return e;
            }
        }, callerThreads);
        started.await();

        threads.close();

        assertThat(running.get(5, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(PublishFailedException.class);
        assertThatThrownBy(() -> threads.run(() -> { }))
                .isInstanceOf(PublishFailedException.class).hasMessage("the service is shutting down");
    }

    @Test
    void atLeastOneThread() {
        assertThatThrownBy(() -> new PublishThreads(0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
