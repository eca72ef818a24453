package org.borderwatch.alert.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Code review F7: storing a claim's outcomes runs with the interrupt flag cleared (so the store client records what
 * happened during an interrupted shutdown), and the lane gets the shutdown's interrupt back afterwards.
 */
class DeliveryWorkerInterruptTest {

    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    @Test
    void anInterruptedLaneStoresItsOutcomesAndStillSeesTheInterruptAfterwards() {
        AtomicBoolean interruptedDuringWrite = new AtomicBoolean(true);
        Thread.currentThread().interrupt();

        RuntimeException failure = DeliveryWorker.writeKeepingInterrupt(
                () -> interruptedDuringWrite.set(Thread.currentThread().isInterrupted()), 3);

        assertThat(failure).isNull();
        assertThat(interruptedDuringWrite).as("the store write runs with the flag cleared").isFalse();
        assertThat(Thread.currentThread().isInterrupted()).as("the shutdown's interrupt is restored").isTrue();
    }

    @Test
    void aFailingWriteIsTriedThreeTimesThenGivenUpWithTheInterruptRestored() {
        AtomicInteger tries = new AtomicInteger();
        Thread.currentThread().interrupt();

        RuntimeException failure = DeliveryWorker.writeKeepingInterrupt(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("store down");
        }, DeliveryWorker.OUTCOME_WRITE_ATTEMPTS);

        assertThat(tries).hasValue(3);
        assertThat(failure).hasMessage("store down");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void aLaneInterruptedWhileWritingStopsRetryingAndKeepsTheInterrupt() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean interruptedAfter = new AtomicBoolean();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch interruptSent = new CountDownLatch(1);
        Thread lane = new Thread(() -> {
            failure.set(DeliveryWorker.writeKeepingInterrupt(() -> {
                tries.incrementAndGet();
                writing.countDown();
                try {
                    interruptSent.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("store down");
            }, 3));
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        }, "lane");
        lane.start();
        assertThat(writing.await(5, TimeUnit.SECONDS)).isTrue();
        lane.interrupt();
        interruptSent.countDown();
        lane.join(5000);

        assertThat(lane.isAlive()).isFalse();
        assertThat(tries).as("no further try after the interrupt").hasValue(1);
        assertThat(failure.get()).hasMessage("store down");
        assertThat(interruptedAfter).isTrue();
    }
}
