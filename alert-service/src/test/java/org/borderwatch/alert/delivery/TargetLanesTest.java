package org.borderwatch.alert.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The per-target scheduling of deliveries: which lane a target is, which lanes a pass starts, the bound, the lease. */
class TargetLanesTest {

    private final List<TargetLanes> created = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private TargetLanes lanes(int size) {
        TargetLanes lanes = new TargetLanes(size, "lanes-test-");
        created.add(lanes);
        return lanes;
    }

    @AfterEach
    void stop() {
        release.countDown();
        created.forEach(l -> l.shutdown(Duration.ofSeconds(5), Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "WEBHOOK | https://hooks.example.org/a           | webhook hooks.example.org:443",
            "WEBHOOK | https://hooks.example.org:443/b?x=1   | webhook hooks.example.org:443",
            "WEBHOOK | http://hooks.example.org/a            | webhook hooks.example.org:80",
            "WEBHOOK | http://127.0.0.1:8081/slow            | webhook 127.0.0.1:8081",
            "WEBHOOK | http://127.0.0.1:8082/slow            | webhook 127.0.0.1:8082",
            "WEBHOOK | not a url                             | webhook not a url",
            "EMAIL   | desk@example.org                      | email",
            "EMAIL   | other@example.net                     | email",
            "KAFKA   | border.alerts                         | kafka border.alerts",
            "KAFKA   | border.alerts.partner.osce            | kafka border.alerts.partner.osce",
    })
    void aTargetIsAHostAndPortTheMailServerOrATopic(String channel, String target, String lane) {
        assertThat(TargetLanes.laneOf(channel, target)).isEqualTo(lane);
    }

    /** A batch as the worker hands it over: its subscription, its lane, its name. */
    private record Batch(String subscription, String lane, String name) {
    }

    @Test
    void eachLaneGetsItsBatchesInTheOrderGivenSoASubscriptionKeepsItsOrder() {
        List<Batch> due = List.of(new Batch("s1", "webhook a:443", "s1-1"), new Batch("s2", "email", "s2-1"),
                new Batch("s3", "webhook a:443", "s3-1"), new Batch("s1", "webhook a:443", "s1-2"),
                new Batch("s4", "webhook b:443", "s4-1"), new Batch("s1", "webhook a:443", "s1-3"),
                new Batch("s2", "email", "s2-2"));

        Map<String, List<Batch>> lanes = TargetLanes.assign(due, Batch::lane, lane -> false, 8);

        assertThat(lanes.keySet()).as("lanes by their oldest batch")
                .containsExactly("webhook a:443", "email", "webhook b:443");
        assertThat(lanes.get("webhook a:443")).extracting(Batch::name).containsExactly("s1-1", "s3-1", "s1-2", "s1-3");
        assertThat(lanes.get("email")).extracting(Batch::name).containsExactly("s2-1", "s2-2");
        assertThat(lanes.values().stream().flatMap(List::stream).filter(b -> b.subscription().equals("s1")))
                .as("one subscription is in one lane only").extracting(Batch::lane).containsOnly("webhook a:443");
    }

    @Test
    void busyLanesAreLeftOutAndNoMoreLanesStartThanThreadsAreFree() {
        List<Batch> due = List.of(new Batch("s1", "webhook slow:443", "s1-1"), new Batch("s2", "email", "s2-1"),
                new Batch("s3", "webhook a:443", "s3-1"), new Batch("s4", "webhook b:443", "s4-1"),
                new Batch("s2", "email", "s2-2"));

        Map<String, List<Batch>> lanes = TargetLanes.assign(due, Batch::lane, "webhook slow:443"::equals, 2);

        assertThat(lanes.keySet()).as("the busy lane waits; of the others the two with the oldest batches")
                .containsExactly("email", "webhook a:443");
        assertThat(lanes.get("email")).extracting(Batch::name).containsExactly("s2-1", "s2-2");
        assertThat(TargetLanes.assign(due, Batch::lane, lane -> false, 0)).isEmpty();
    }

    private Runnable held(CountDownLatch entered, AtomicInteger running, AtomicInteger most) {
        return () -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        };
    }

    @Test
    void differentTargetsRunAtTheSameTimeUpToThePoolSizeAndOneTargetNeverTwice() {
        TargetLanes lanes = lanes(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        CountDownLatch bothIn = new CountDownLatch(2);

        assertThat(lanes.start("webhook slow:443", held(bothIn, running, most))).isTrue();
        assertThat(lanes.start("webhook slow:443", held(bothIn, running, most)))
                .as("a target's next work waits for its lane").isFalse();
        assertThat(lanes.start("email", held(bothIn, running, most))).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> bothIn.getCount() == 0);
        assertThat(running).as("two targets are sent to at the same time").hasValue(2);
        assertThat(lanes.active()).isEqualTo(2);
        assertThat(lanes.free()).isZero();
        assertThat(lanes.start("webhook c:443", () -> { })).as("no thread free: not started, not queued").isFalse();

        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> lanes.active() == 0);
        assertThat(most).as("never more lanes at once than the pool has threads").hasValue(2);
        CountDownLatch ran = new CountDownLatch(1);
        assertThat(lanes.start("webhook slow:443", ran::countDown)).as("the lane is free again").isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.getCount() == 0);
    }

    @Test
    void aLaneWhoseWorkFailsIsFreeAgainAndTheThreadKeepsServing() {
        TargetLanes lanes = lanes(1);
        assertThat(lanes.start("webhook a:443", () -> {
            throw new IllegalStateException("a bug in a send");
        })).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> lanes.active() == 0);
        CountDownLatch ran = new CountDownLatch(1);
        assertThat(lanes.start("webhook a:443", ran::countDown)).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> ran.getCount() == 0);
    }

    @Test
    void batchesAreSentInOrderUntilHalfTheLeaseIsUsedAndTheRestIsGivenBack() {
        Instant claimedAt = Instant.parse("2026-11-23T05:00:00Z");
        Duration lease = Duration.ofSeconds(60);
        AtomicReference<Instant> now = new AtomicReference<>(claimedAt);
        Instant sendBy = TargetLanes.sendBy(claimedAt, lease);
        assertThat(sendBy).isEqualTo(claimedAt.plusSeconds(30));
        List<String> sent = new ArrayList<>();

        // each send takes 12 s (a slow receiver with its retries): the third starts at 24 s, the fourth would at 36 s
        List<String> givenBack = TargetLanes.sendInOrder(List.of("b1", "b2", "b3", "b4", "b5"),
                () -> !now.get().isAfter(sendBy), b -> {
                    sent.add(b);
                    now.set(now.get().plusSeconds(12));
                });

        assertThat(sent).containsExactly("b1", "b2", "b3");
        assertThat(givenBack).containsExactly("b4", "b5");
        assertThat(now.get()).as("the last send ended before the lease").isBefore(claimedAt.plus(lease));
        assertThat(TargetLanes.sendInOrder(List.of("b1"), () -> false, b -> sent.add("never")))
                .containsExactly("b1");
    }

    @Test
    void shutdownWaitsForTheSendInHandThenRefusesNewWork() throws Exception {
        TargetLanes lanes = lanes(2);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        List<Boolean> stoppingSeen = new CopyOnWriteArrayList<>();
        lanes.start("webhook a:443", () -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stoppingSeen.add(lanes.stopping());
            finished.set(true);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> entered.getCount() == 0);

        AtomicReference<Boolean> ended = new AtomicReference<>();
        Thread stopper = new Thread(() -> ended.set(lanes.shutdown(Duration.ofSeconds(30), Duration.ofSeconds(1))));
        stopper.start();
        await().atMost(Duration.ofSeconds(10)).until(lanes::stopping);
        assertThat(lanes.free()).isZero();
        assertThat(lanes.start("email", () -> { })).as("nothing starts while stopping").isFalse();
        release.countDown();
        stopper.join(10_000);

        assertThat(ended.get()).as("the running lane ended within the wait").isTrue();
        assertThat(finished).isTrue();
        assertThat(stoppingSeen).as("the lane saw the shutdown (it gives back what it has not sent)")
                .containsExactly(true);
        assertThat(lanes.abandoned()).isFalse();
    }

    @Test
    void aSendStillRunningAfterTheWaitIsInterruptedAndMarkedAbandoned() {
        TargetLanes lanes = lanes(1);
        CountDownLatch entered = new CountDownLatch(1);
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        lanes.start("webhook hanging:443", () -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS); // a receiver that never answers
            } catch (InterruptedException e) {
                seen.add(lanes.abandoned() ? "interrupted, abandoned" : "interrupted");
            }
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> entered.getCount() == 0);

        assertThat(lanes.shutdown(Duration.ofMillis(100), Duration.ofSeconds(5))).isTrue();
        assertThat(lanes.abandoned()).isTrue();
        assertThat(seen).containsExactly("interrupted, abandoned");
    }
}
