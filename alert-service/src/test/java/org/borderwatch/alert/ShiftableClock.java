package org.borderwatch.alert;

import org.borderwatch.testkit.MutableClock;

import java.time.Clock;
import java.time.Duration;

/**
 * The integration tests' clock: the system's UTC clock plus an offset a test may shift. Every test that does not
 * shift it sees real time (the webhook timestamps, leases and silences of the other tests stay real). A test that
 * needs time to pass (repeats) shifts it back first, lets its alerts fire "in the past", then moves it forward
 * towards real time, and resets it at the end; it never runs ahead of real time, so nothing another test writes
 * lies in the future.
 */
public final class ShiftableClock extends MutableClock {

    public ShiftableClock() {
        super(Clock.systemUTC());
    }

    public void shift(Duration by) {
        advance(by);
    }
}
