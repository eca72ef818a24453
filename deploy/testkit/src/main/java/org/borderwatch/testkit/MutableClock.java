package org.borderwatch.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves by hand: a base clock plus an offset the test changes. Built on an instant, it stands still
 * there until the test advances or sets it (unit tests); built on a running clock (the system's), it follows real
 * time shifted by the offset (integration tests that need time to pass). UTC; {@link #withZone} answers this same
 * clock (the tests compare instants, not local times). Safe to read from another thread while the test moves it (a
 * background task under test may read it).
 */
public class MutableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    /** Stands still at {@code start} until moved. */
    public MutableClock(Instant start) {
        this(Clock.fixed(Objects.requireNonNull(start), ZoneOffset.UTC));
    }

    /** Reads {@code base} plus the offset (zero until moved). */
    public MutableClock(Clock base) {
        this.base = Objects.requireNonNull(base);
    }

    /** Moves the clock by {@code by} (backwards when negative). */
    public void advance(Duration by) {
        Objects.requireNonNull(by);
        offset.updateAndGet(o -> o.plus(by));
    }

    /** Puts the clock at {@code instant} (on a running base, from where it runs on). */
    public void set(Instant instant) {
        offset.set(Duration.between(base.instant(), instant));
    }

    /** How far the test has moved the clock from its base. */
    public Duration offset() {
        return offset.get();
    }

    /** Back to the base clock: the start instant, or real time. */
    public void reset() {
        offset.set(Duration.ZERO);
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
        return base.instant().plus(offset.get());
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + instant() + ", moved " + offset.get() + "]";
    }
}
