package org.borderwatch.alert.silence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/** Creates silences under the house rules and finds the one that mutes an alert. */
public final class Silences {

    private final Clock clock;
    private final Duration maxDuration;

    public Silences(Clock clock, Duration maxDuration) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxDuration = Objects.requireNonNull(maxDuration, "maxDuration");
    }

    /** Validates and creates; every problem is reported at once. */
    public Silence create(SilenceRequest request, String author) {
        Instant now = clock.instant();
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        List<String> problems = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add("reason is mandatory");
        }
        if (author == null || author.isBlank()) {
            problems.add("author is unknown");
        }
        boolean noMatcher = isEmpty(request.segments()) && isEmpty(request.signals()) && isEmpty(request.sources());
        if (noMatcher) {
            problems.add("at least one matcher (segments, signals or sources) is required");
        }
        if (request.endsAt() == null) {
            problems.add("endsAt is required");
        } else {
            if (!request.endsAt().isAfter(startsAt)) {
                problems.add("endsAt must be after startsAt");
            }
            if (!request.endsAt().isAfter(now)) {
                problems.add("endsAt must be in the future");
            }
            if (Duration.between(startsAt, request.endsAt()).compareTo(maxDuration) > 0) {
                problems.add("a silence may last at most " + maxDuration);
            }
        }
        if (!problems.isEmpty()) {
            throw new SilenceRejectedException(problems);
        }
        return new Silence(UUID.randomUUID().toString(), request.segments(), request.signals(), request.sources(),
                startsAt, request.endsAt(), author, request.reason().trim(), now);
    }

    /** The first active silence among {@code silences} that the predicate accepts. */
    public Optional<Silence> mutedBy(Collection<Silence> silences, Predicate<Silence> matches) {
        Instant now = clock.instant();
        return silences.stream().filter(s -> s.isActive(now)).filter(matches).findFirst();
    }

    private static boolean isEmpty(Collection<?> c) {
        return c == null || c.isEmpty();
    }
}
