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

    /**
     * The shape of a source id of the ingest service's registry (lower-case letters, digits, dots, dashes; compared
     * case-insensitively) and of a party ({@code AM}, {@code AZ}): anything else — a display name with spaces, say —
     * can never match.
     */
    private static final java.util.regex.Pattern SOURCE_ID =
            java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private final Clock clock;
    private final Duration maxDuration;
    private final Duration staffMaxDuration;

    /**
     * @param maxDuration      the longest silence (an ADMIN's)
     * @param staffMaxDuration the longest silence a STAFF member may set (at most {@code maxDuration})
     */
    public Silences(Clock clock, Duration maxDuration, Duration staffMaxDuration) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxDuration = Objects.requireNonNull(maxDuration, "maxDuration");
        this.staffMaxDuration = Objects.requireNonNull(staffMaxDuration, "staffMaxDuration");
        if (staffMaxDuration.compareTo(maxDuration) > 0 || staffMaxDuration.isNegative()
                || staffMaxDuration.isZero()) {
            throw new IllegalArgumentException("the longest STAFF silence must be positive and at most the longest "
                    + "silence (" + maxDuration + "): " + staffMaxDuration);
        }
    }

    /** Every silence may be as long as the longest (tests of other rules). */
    public Silences(Clock clock, Duration maxDuration) {
        this(clock, maxDuration, maxDuration);
    }

    public Duration staffMaxDuration() {
        return staffMaxDuration;
    }

    /**
     * Validates and creates; every problem is reported at once. An ADMIN's silence may last {@code maxDuration} and
     * mutes CRITICAL messages too; a STAFF member's lasts at most {@code staffMaxDuration} and never mutes a CRITICAL
     * message (security review F3: one STAFF account must not be able to blind the mission for a week).
     */
    public Silence create(SilenceRequest request, String author, boolean admin) {
        Instant now = clock.instant();
        Instant startsAt = request.startsAt() == null ? now : request.startsAt();
        List<String> problems = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add("reason is mandatory");
        }
        org.borderwatch.alert.text.TextLimits.text("reason", request.reason()).ifPresent(problems::add);
        if (author == null || author.isBlank()) {
            problems.add("author is unknown");
        }
        boolean noMatcher = isEmpty(request.segments()) && isEmpty(request.signals()) && isEmpty(request.sources());
        if (noMatcher) {
            problems.add("at least one matcher (segments, signals or sources) is required");
        }
        if (request.sources() != null) {
            for (String source : request.sources()) {
                if (source == null || !SOURCE_ID.matcher(source).matches()) {
                    problems.add("sources: '" + source + "' is not a source id; a silence matches a source by its id"
                            + " (e.g. az-mod, euma: the ids in latest.sources of GET /api/v1/verdicts/{incidentId}) or"
                            + " a party (AM, AZ), never by its name, which would mute nothing");
                }
            }
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
            Duration longest = admin ? maxDuration : staffMaxDuration;
            if (Duration.between(startsAt, request.endsAt()).compareTo(longest) > 0) {
                problems.add((admin ? "a silence may last at most " : "a STAFF member's silence may last at most ")
                        + words(longest) + " (" + longest + ")" + (admin || longest.equals(maxDuration) ? ""
                        : "; an ADMIN's up to " + words(maxDuration)));
            }
        }
        if (!problems.isEmpty()) {
            throw new SilenceRejectedException(problems);
        }
        return new Silence(UUID.randomUUID().toString(), request.segments(), request.signals(), request.sources(),
                startsAt, request.endsAt(), author, request.reason().trim(), now, admin);
    }

    /**
     * Whether {@code caller} may end {@code silence} now: its author or an ADMIN may; anyone else is refused, with
     * the reason in words. Empty when allowed.
     */
    public Optional<String> endRefusal(Silence silence, String caller, boolean admin) {
        if (admin || (caller != null && caller.equals(silence.author()))) {
            return Optional.empty();
        }
        return Optional.of("silence " + silence.id() + " was created by " + silence.author()
                + "; only its author or an ADMIN may end it");
    }

    /** As a STAFF member. */
    public Silence create(SilenceRequest request, String author) {
        return create(request, author, false);
    }

    /** The first active silence among {@code silences} that the predicate accepts. */
    public Optional<Silence> mutedBy(Collection<Silence> silences, Predicate<Silence> matches) {
        Instant now = clock.instant();
        return silences.stream().filter(s -> s.isActive(now)).filter(matches).findFirst();
    }

    /** {@code 7 days}, {@code 12 hours}, {@code 90 minutes}: a duration as people say it. */
    static String words(Duration d) {
        if (!d.isZero() && d.toSeconds() % 86_400 == 0) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (!d.isZero() && d.toSeconds() % 3600 == 0) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
    }

    private static boolean isEmpty(Collection<?> c) {
        return c == null || c.isEmpty();
    }
}
