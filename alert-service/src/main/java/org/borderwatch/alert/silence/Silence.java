package org.borderwatch.alert.silence;

import org.borderwatch.alert.routing.StableSets;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Mutes alerts that match every given matcher while active (from {@code startsAt} inclusive to {@code endsAt}
 * exclusive). Matchers: segments (one of), signals (the alert carries one of them), sources (one of the alert's
 * source tags, compared case-insensitively).
 *
 * @param mutesCritical whether it may mute a CRITICAL message: only an ADMIN's silence does (security review F3);
 *                      a silence stored before the rule has none and mutes no CRITICAL message
 * @param endedBy       who ended it before its time ({@code DELETE /api/v1/silences/{id}}); null while it runs or
 *                      when it ran out by itself
 * @param endedAt       when it was ended so; null as {@code endedBy}
 */
public record Silence(String id, Set<BorderSegment> segments, Set<SignalType> signals, Set<String> sources,
                      Instant startsAt, Instant endsAt, String author, String reason, Instant createdAt,
                      boolean mutesCritical, String endedBy, Instant endedAt) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        // in a fixed order (the enums' declared order, sources alphabetically), so it reads back the same way
        segments = StableSets.of(BorderSegment.class, segments);
        signals = StableSets.of(SignalType.class, signals);
        sources = sources == null ? Set.of()
                : StableSets.sorted(sources.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList());
    }

    /** A silence nobody has ended (yet). */
    public Silence(String id, Set<BorderSegment> segments, Set<SignalType> signals, Set<String> sources,
                   Instant startsAt, Instant endsAt, String author, String reason, Instant createdAt,
                   boolean mutesCritical) {
        this(id, segments, signals, sources, startsAt, endsAt, author, reason, createdAt, mutesCritical, null, null);
    }

    /** A silence that mutes no CRITICAL message (a STAFF member's). */
    public Silence(String id, Set<BorderSegment> segments, Set<SignalType> signals, Set<String> sources,
                   Instant startsAt, Instant endsAt, String author, String reason, Instant createdAt) {
        this(id, segments, signals, sources, startsAt, endsAt, author, reason, createdAt, false);
    }

    public boolean isActive(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** Whether it mutes a message of this severity and these matchers (a CRITICAL one only if it may). */
    public boolean mutes(Severity severity, BorderSegment segment, Collection<SignalType> alertSignals,
                         Collection<String> sourceTags) {
        return (severity != Severity.CRITICAL || mutesCritical) && matches(segment, alertSignals, sourceTags);
    }

    public boolean matches(BorderSegment segment, Collection<SignalType> alertSignals, Collection<String> sourceTags) {
        return (segments.isEmpty() || segments.contains(segment))
                && (signals.isEmpty() || alertSignals.stream().anyMatch(signals::contains))
                && (sources.isEmpty()
                        || sourceTags.stream().map(s -> s.toLowerCase(Locale.ROOT)).anyMatch(sources::contains));
    }
}
