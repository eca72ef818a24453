package org.borderwatch.deploy.local.services;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RestartPolicyTest {

    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final RestartPolicy POLICY = new RestartPolicy(3, Duration.ofMinutes(10), Duration.ofSeconds(2),
            Duration.ofSeconds(5));

    @Test
    void theDelayDoublesWithEachRecentRestartUpToTheMaximum() {
        assertThat(POLICY.nextDelay(List.of(), NOW)).contains(Duration.ofSeconds(2));
        assertThat(POLICY.nextDelay(List.of(NOW.minusSeconds(30)), NOW)).contains(Duration.ofSeconds(4));
        assertThat(POLICY.nextDelay(List.of(NOW.minusSeconds(60), NOW.minusSeconds(30)), NOW))
                .as("8 s is capped at 5 s").contains(Duration.ofSeconds(5));
    }

    @Test
    void afterTheLastRestartInTheWindowThereIsNoOther() {
        List<Instant> three = List.of(NOW.minusSeconds(90), NOW.minusSeconds(60), NOW.minusSeconds(30));
        assertThat(POLICY.nextDelay(three, NOW)).isEmpty();
    }

    @Test
    void restartsOlderThanTheWindowNoLongerCount() {
        List<Instant> old = List.of(NOW.minus(Duration.ofMinutes(30)), NOW.minus(Duration.ofMinutes(20)),
                NOW.minus(Duration.ofMinutes(11)), NOW.minusSeconds(30));
        assertThat(POLICY.recent(old, NOW)).containsExactly(NOW.minusSeconds(30));
        assertThat(POLICY.nextDelay(old, NOW)).as("one recent restart: the second delay")
                .contains(Duration.ofSeconds(4));
        assertThat(POLICY.recent(List.of(NOW.minus(Duration.ofMinutes(10))), NOW))
                .as("exactly at the window's edge it no longer counts").isEmpty();
    }

    @Test
    void zeroRestartsNeverRestarts() {
        assertThat(RestartPolicy.NEVER.nextDelay(List.of(), NOW)).isEmpty();
        assertThat(POLICY.withMaxRestarts(0).nextDelay(List.of(), NOW)).isEmpty();
        assertThat(RestartPolicy.DEFAULT.nextDelay(List.of(), NOW)).contains(Duration.ofSeconds(2));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> POLICY.withMaxRestarts(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> new RestartPolicy(1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(1, Duration.ofMinutes(1), Duration.ofSeconds(3),
                Duration.ofSeconds(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
