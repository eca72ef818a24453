package org.borderwatch.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The integration tests' clock: the system's UTC clock plus an offset a test may shift. Every test that does not
 * shift it sees real time (the webhook timestamps, leases and silences of the other tests stay real). A test that
 * needs time to pass (repeats) shifts it back first, lets its alerts fire "in the past", then moves it forward
 * towards real time, and resets it at the end; it never runs ahead of real time, so nothing another test writes
 * lies in the future.
 */
public final class ShiftableClock extends Clock {

    private final Clock base = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    public void shift(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    public Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
