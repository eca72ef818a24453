package org.borderwatch.deploy.local.services;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the launcher starts a service again after it stopped on its own: at most {@code maxRestarts} times within
 * {@code window}, after a delay that doubles from {@code initialDelay} up to {@code maxDelay}. A service that keeps
 * failing is left stopped (a crash loop would only fill its log and hide the first error).
 *
 * @param maxRestarts  restarts allowed within the window; 0 turns restarting off
 * @param window       how far back earlier restarts count
 * @param initialDelay delay before the first restart in the window
 * @param maxDelay     the longest delay
 */
public record RestartPolicy(int maxRestarts, Duration window, Duration initialDelay, Duration maxDelay) {

    /** Three restarts in ten minutes, after 2, 4 and 8 seconds. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(3, Duration.ofMinutes(10), Duration.ofSeconds(2),
            Duration.ofMinutes(1));
    public static final RestartPolicy NEVER = new RestartPolicy(0, Duration.ofMinutes(10), Duration.ofSeconds(2),
            Duration.ofMinutes(1));

    public RestartPolicy {
        if (maxRestarts < 0) {
            throw new IllegalArgumentException("maxRestarts must not be negative: " + maxRestarts);
        }
        if (window.isNegative() || window.isZero() || initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("window must be positive and 0 <= initialDelay <= maxDelay");
        }
    }

    /** This policy with another number of restarts. */
    public RestartPolicy withMaxRestarts(int restarts) {
        return new RestartPolicy(restarts, window, initialDelay, maxDelay);
    }

    /** The restarts that still count at {@code now}: those within the window. */
    public List<Instant> recent(List<Instant> restarts, Instant now) {
        Instant since = now.minus(window);
        return restarts.stream().filter(t -> t.isAfter(since)).toList();
    }

    /**
     * The delay before the next restart, or empty when the service has used up its restarts.
     *
     * @param restarts the times of earlier restarts of this service (any order; those outside the window are ignored)
     */
    public Optional<Duration> nextDelay(List<Instant> restarts, Instant now) {
        int count = recent(restarts, now).size();
        if (count >= maxRestarts) {
            return Optional.empty();
        }
        Duration delay = initialDelay;
        for (int i = 0; i < count && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(maxDelay) > 0 ? maxDelay : delay);
    }
}
