package org.borderwatch.alert.delivery;

import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupingTest {

    private static final Instant NOW = Instant.parse("2025-03-16T10:00:07Z");

    private static Grouping.Pending p(String id, String key, Instant notBefore) {
        return new Grouping.Pending(id, key, notBefore, notBefore.minusSeconds(1));
    }

    @Test
    void groupsDueItemsOfOneKeyAndLeavesTheRestWaiting() {
        var batches = Grouping.dueBatches(List.of(
                p("a", "s1|SYUNIK_EAST", NOW.minusSeconds(2)),
                p("b", "s1|SYUNIK_EAST", NOW),
                p("c", "s1|TAVUSH", NOW.minusSeconds(1)),
                p("d", "s1|SYUNIK_EAST", NOW.plusSeconds(5))), NOW, 10);

        assertThat(batches).hasSize(2);
        assertThat(batches.get(0)).extracting(Grouping.Pending::id).containsExactly("a", "b");
        assertThat(batches.get(1)).extracting(Grouping.Pending::id).containsExactly("c");
    }

    @Test
    void splitsLargeGroups() {
        var batches = Grouping.dueBatches(List.of(p("a", "k", NOW), p("b", "k", NOW), p("c", "k", NOW)), NOW, 2);
        assertThat(batches).extracting(List::size).containsExactly(2, 1);
    }

    @Test
    void immediateWaitsTheGroupWaitAndDigestsWaitForTheNextTick() {
        var channel = new Channel(ChannelType.EMAIL, null, "desk@example.org", null, null, null);
        var immediate = new Subscription("s1", "n", "o", channel, null, DeliveryMode.IMMEDIATE, null, NOW);
        var digest = new Subscription("s2", "n", "o", channel, null, DeliveryMode.DIGEST, Duration.ofHours(1), NOW);

        assertThat(Grouping.notBefore(immediate, NOW, Duration.ZERO)).isEqualTo(NOW);
        assertThat(Grouping.notBefore(immediate, NOW, Duration.ofSeconds(5))).isEqualTo(NOW.plusSeconds(5));
        assertThat(Grouping.notBefore(digest, NOW, Duration.ofSeconds(5)))
                .isEqualTo(Instant.parse("2025-03-16T11:00:00Z"));
        assertThat(Grouping.nextTick(Instant.parse("2025-03-16T11:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2025-03-16T12:00:00Z"));
    }

    @Test
    void aSubscriptionsOwnGroupWaitWinsAndAMessageJoinsItsOpenGroup() {
        var channel = new Channel(ChannelType.WEBHOOK, "https://x.example/h", null, null, "0123456789abcdef", null);
        var cap = new Channel(ChannelType.WEBHOOK, "https://x.example/h", null, null, "0123456789abcdef", "cap");
        var own = new Subscription("s1", "n", "o", channel, null, DeliveryMode.IMMEDIATE, null, Duration.ofSeconds(30),
                NOW);
        var zero = new Subscription("s2", "n", "o", channel, null, DeliveryMode.IMMEDIATE, null, Duration.ZERO, NOW);
        var service = new Subscription("s3", "n", "o", channel, null, DeliveryMode.IMMEDIATE, null, NOW);
        var digest = new Subscription("s4", "n", "o", channel, null, DeliveryMode.DIGEST, Duration.ofHours(1), NOW);
        var capped = new Subscription("s5", "n", "o", cap, null, DeliveryMode.IMMEDIATE, null, NOW);
        Duration fallback = Duration.ofSeconds(5);

        assertThat(Grouping.notBefore(own, NOW, fallback, null)).isEqualTo(NOW.plusSeconds(30));
        assertThat(Grouping.notBefore(zero, NOW, fallback, null)).isEqualTo(NOW);
        assertThat(Grouping.notBefore(service, NOW, fallback, null)).isEqualTo(NOW.plusSeconds(5));
        // a group opened 20 s ago with a 30 s wait flushes in 10 s: a new message joins it
        assertThat(Grouping.notBefore(own, NOW, fallback, NOW.plusSeconds(10))).isEqualTo(NOW.plusSeconds(10));
        // a group that is due already (the worker has not picked it up yet) takes the new message along
        assertThat(Grouping.notBefore(own, NOW, fallback, NOW.minusSeconds(1))).isEqualTo(NOW.minusSeconds(1));
        // never later than the message's own wait
        assertThat(Grouping.notBefore(service, NOW, fallback, NOW.plusSeconds(60))).isEqualTo(NOW.plusSeconds(5));
        assertThat(Grouping.notBefore(digest, NOW, fallback, NOW.plusSeconds(1)))
                .isEqualTo(Instant.parse("2025-03-16T11:00:00Z"));

        assertThat(Grouping.joinsOpenGroups(own, fallback)).isTrue();
        assertThat(Grouping.joinsOpenGroups(service, fallback)).isTrue();
        assertThat(Grouping.joinsOpenGroups(service, Duration.ZERO)).isFalse();
        assertThat(Grouping.joinsOpenGroups(zero, fallback)).isFalse();
        assertThat(Grouping.joinsOpenGroups(digest, fallback)).isFalse();
        assertThat(Grouping.joinsOpenGroups(capped, fallback)).isFalse();
    }

    @Test
    void groupKeysBySegmentByDigestAndNeverForCap() {
        var lifecycle = new org.borderwatch.alert.lifecycle.AlertLifecycle(java.time.Clock.fixed(NOW,
                java.time.ZoneOffset.UTC), new org.borderwatch.alert.lifecycle.LifecycleSettings(Duration.ZERO, null));
        var alert = lifecycle.onAssessment(null, org.borderwatch.alert.Fixtures.assessment(java.util.UUID.randomUUID(),
                1, org.borderwatch.common.model.BorderSegment.TAVUSH, org.borderwatch.common.model.Severity.LOW,
                org.borderwatch.common.model.Occurrence.UNVERIFIED, false)).message();
        var json = new Channel(ChannelType.WEBHOOK, "https://x.example/h", null, null, "0123456789abcdef", null);
        var cap = new Channel(ChannelType.WEBHOOK, "https://x.example/h", null, null, "0123456789abcdef", "cap");

        assertThat(Grouping.groupKey(new Subscription("s", "n", "o", json, null, DeliveryMode.IMMEDIATE, null, NOW),
                alert)).isEqualTo("s|TAVUSH");
        assertThat(Grouping.groupKey(new Subscription("s", "n", "o", json, null, DeliveryMode.DIGEST,
                Duration.ofHours(1), NOW), alert)).isEqualTo("s|digest");
        assertThat(Grouping.groupKey(new Subscription("s", "n", "o", cap, null, DeliveryMode.DIGEST,
                Duration.ofHours(1), NOW), alert)).isEqualTo("s|" + alert.alertId() + "|1");
    }

    @Test
    void batchKeysAreStableWhateverTheOrder() {
        assertThat(Grouping.batchKey(List.of("x", "y"))).isEqualTo(Grouping.batchKey(List.of("y", "x")));
        assertThat(Grouping.batchKey(List.of("x"))).isEqualTo("x");
    }
}
