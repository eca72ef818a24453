package org.borderwatch.testkit;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MutableClockTest {

    private static final Instant START = Instant.parse("2026-01-10T08:00:00Z");

    @Test
    void onAnInstantItStandsStillUntilMovedThenFollowsAdvanceSetAndReset() {
        MutableClock clock = new MutableClock(START);
        assertThat(clock.instant()).isEqualTo(START);
        assertThat(clock.millis()).as("Clock's other readings follow instant()").isEqualTo(START.toEpochMilli());
        clock.advance(Duration.ofMinutes(90));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-10T09:30:00Z"));
        clock.advance(Duration.ofSeconds(-30));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-10T09:29:30Z"));
        assertThat(clock.offset()).isEqualTo(Duration.ofSeconds(89 * 60 + 30));
        clock.set(Instant.parse("2025-12-31T23:00:00Z"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-12-31T23:00:00Z"));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(START);
    }

    @Test
    void onARunningClockItFollowsItShiftedByTheOffset() {
        MutableClock base = new MutableClock(START); // a base the test moves stands in for real time
        MutableClock clock = new MutableClock(base);
        clock.advance(Duration.ofHours(-2));
        assertThat(clock.instant()).isEqualTo(START.minus(Duration.ofHours(2)));
        base.advance(Duration.ofMinutes(5));
        assertThat(clock.instant()).as("time passes underneath").isEqualTo(START.minus(Duration.ofMinutes(115)));
        clock.reset();
        assertThat(clock.instant()).isEqualTo(base.instant());
        MutableClock system = new MutableClock(Clock.systemUTC());
        Instant before = Instant.now();
        assertThat(system.instant()).isBetween(before, Instant.now());
    }

    @Test
    void isUtcAndAZoneChangeIsTheSameClock() {
        MutableClock clock = new MutableClock(START);
        assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(ZoneOffset.ofHours(4))).isSameAs(clock);
    }
}
