package org.borderwatch.classifier.signal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.borderwatch.common.model.Occurrence;

/**
 * A claim surge of one source: consecutive claimed events (event time) such that, for a window ending at one of them,
 * the events in the trailing {@code surgeWindow} reach {@code surgeMinClaims} and at least {@code surgeFactor} times
 * the source's weekly average over the {@code surgeBaselineWeeks} before the window. Overlapping surge windows form
 * one surge.
 *
 * <p>What is counted is claimed <em>events</em>, not statements: a source's claims about the same event (same
 * segment, overlapping event-time intervals: a casualty update, a corrected figure, a fuller account) count once, at
 * the event's earliest time. Otherwise three statements about one serious clash would read as a surge.
 *
 * @param claims                every claim of the surge's events (each incident holding one carries the signal)
 * @param events                how many claimed events the surge holds
 * @param refutedOrDisputed     events whose claims' best verdict is REFUTED or DISPUTED
 * @param confirmed             events one of whose claims is CONFIRMED
 * @param baselineWeeklyAverage the weekly average of events before the first surge window
 * @param baselineFrom          where that baseline starts (event time)
 * @param baselineUntil         where it ends: the start of the first surge window
 */
public record Surge(String sourceId, String who, List<ClaimRecord> claims, int events, long refutedOrDisputed,
                    long confirmed, double baselineWeeklyAverage, OffsetDateTime baselineFrom,
                    OffsetDateTime baselineUntil) {

    public Surge {
        claims = List.copyOf(claims);
    }

    public Set<UUID> reportIds() {
        return claims.stream().map(ClaimRecord::reportId).collect(Collectors.toUnmodifiableSet());
    }

    public List<UUID> orderedReportIds() {
        return claims.stream().map(ClaimRecord::reportId).toList();
    }

    public boolean contains(UUID reportId) {
        return claims.stream().anyMatch(c -> c.reportId().equals(reportId));
    }

    public OffsetDateTime first() {
        return claims.stream().map(ClaimRecord::occurredAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    public OffsetDateTime last() {
        return claims.stream().map(ClaimRecord::occurredAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    /** Claims of one source about one event, in event-time order. */
    record Event(List<ClaimRecord> claims) {
        OffsetDateTime at() {
            return claims.get(0).occurredAt();
        }

        /** The most favourable verdict among its claims (CONFIRMED, UNVERIFIED, DISPUTED, REFUTED). */
        Occurrence occurrence() {
            List<Occurrence> favour = List.of(Occurrence.CONFIRMED, Occurrence.UNVERIFIED, Occurrence.DISPUTED,
                    Occurrence.REFUTED);
            return claims.stream().map(ClaimRecord::occurrence).filter(o -> o != null)
                    .min(Comparator.comparingInt(favour::indexOf)).orElse(Occurrence.UNVERIFIED);
        }
    }

    /** Groups one source's claims into events: a claim joins an earlier event when it is the same event as one of its claims. */
    static List<Event> events(List<ClaimRecord> sourceClaims) {
        return events(sourceClaims, null);
    }

    /**
     * As {@link #events(List)}; a claim whose event-time interval is longer than {@code maxSpan} (a summary "since 1
     * March", "over the past week": {@code classifier.correlation.max-joining-span}) is an event with the summaries it
     * overlaps only: it overlaps every claim of its period, and grouped with them it glued a week of precise claims
     * into one event (tenth round: the summary took a surge away).
     */
    static List<Event> events(List<ClaimRecord> sourceClaims, Duration maxSpan) {
        List<ClaimRecord> claims = sourceClaims.stream()
                .sorted(Comparator.comparing(ClaimRecord::occurredAt).thenComparing(ClaimRecord::reportId)).toList();
        List<List<ClaimRecord>> groups = new ArrayList<>();
        for (ClaimRecord c : claims) {
            List<ClaimRecord> home = null;
            boolean isLong = longSpan(c, maxSpan);
            for (int g = groups.size() - 1; g >= 0 && home == null; g--) {
                if (groups.get(g).stream().anyMatch(o -> longSpan(o, maxSpan) == isLong && sameEvent(c, o))) {
                    home = groups.get(g);
                }
            }
            if (home == null) {
                home = new ArrayList<>();
                groups.add(home);
            }
            home.add(c);
        }
        return groups.stream().map(Event::new).toList();
    }

    /**
     * Whether two claims of a source count as one event: the same event ({@link ClaimRecord#sameEventAs}), or
     * overlapping in time where one of them was placed in no segment (left alone: its text names no place known, or
     * only several candidates). A claim that says nowhere where it happened cannot be told apart from the source's
     * account of that time, so it is no further event: a ministry's list of the soldiers who fell "repelling the
     * aggression of 13-14 September", naming no place, made the third of three "events" beside its own accounts of
     * those two days' fighting, and a surge.
     */
    static boolean sameEvent(ClaimRecord c, ClaimRecord o) {
        if (c.sameEventAs(o)) {
            return true;
        }
        return (c.segments().isEmpty() || o.segments().isEmpty()) && c.sourceId().equals(o.sourceId())
                && !c.occurredAt().isAfter(o.occurredUntil()) && !c.occurredUntil().isBefore(o.occurredAt());
    }

    private static boolean longSpan(ClaimRecord c, Duration maxSpan) {
        return maxSpan != null && Duration.between(c.occurredAt(), c.occurredUntil()).compareTo(maxSpan) > 0;
    }

    /** The surges in one source's claims. */
    public static List<Surge> find(List<ClaimRecord> sourceClaims, SignalThresholds t) {
        return find(sourceClaims, t, null);
    }

    /** The surges in one source's claims, a claim longer than {@code maxSpan} grouped with no precise claim. */
    public static List<Surge> find(List<ClaimRecord> sourceClaims, SignalThresholds t, Duration maxSpan) {
        List<Event> events = events(sourceClaims, maxSpan);
        long window = t.surgeWindow().toMillis();
        long baseline = Duration.ofDays(7L * t.surgeBaselineWeeks()).toMillis();
        long[] at = events.stream().mapToLong(e -> e.at().toInstant().toEpochMilli()).toArray();
        List<Surge> result = new ArrayList<>();
        int clusterLo = -1;
        int clusterHi = -1;
        double clusterBaseline = 0;
        long clusterBaselineUntil = 0;
        int lo = 0;
        for (int j = 0; j < events.size(); j++) {
            long windowStart = at[j] - window;
            while (lo < j && at[lo] <= windowStart) {
                lo++;
            }
            int count = j - lo + 1;
            // events in (windowStart - baseline, windowStart]
            long before = firstAfter(at, windowStart) - firstAfter(at, windowStart - baseline);
            double weekly = before / (double) t.surgeBaselineWeeks();
            boolean surge = count >= t.surgeMinClaims() && count >= t.surgeFactor() * weekly;
            if (!surge) {
                continue;
            }
            if (clusterLo >= 0 && lo <= clusterHi) {
                clusterHi = j;
            } else {
                if (clusterLo >= 0) {
                    result.add(of(events, clusterLo, clusterHi, clusterBaseline, clusterBaselineUntil, baseline));
                }
                clusterLo = lo;
                clusterHi = j;
                clusterBaseline = weekly;
                clusterBaselineUntil = windowStart;
            }
        }
        if (clusterLo >= 0) {
            result.add(of(events, clusterLo, clusterHi, clusterBaseline, clusterBaselineUntil, baseline));
        }
        return result;
    }

    private static int firstAfter(long[] sorted, long value) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static Surge of(List<Event> events, int lo, int hi, double baseline, long baselineUntil,
                            long baselineLength) {
        List<Event> members = events.subList(lo, hi + 1);
        List<ClaimRecord> claims = members.stream().flatMap(e -> e.claims().stream()).toList();
        long refutedOrDisputed = members.stream().map(Event::occurrence)
                .filter(o -> o == Occurrence.REFUTED || o == Occurrence.DISPUTED).count();
        long confirmed = members.stream().filter(e -> e.claims().stream()
                .anyMatch(c -> c.occurrence() == Occurrence.CONFIRMED)).count();
        return new Surge(claims.get(0).sourceId(), claims.get(0).who(), claims, members.size(), refutedOrDisputed,
                confirmed, baseline, utc(baselineUntil - baselineLength), utc(baselineUntil));
    }

    private static OffsetDateTime utc(long millis) {
        return OffsetDateTime.ofInstant(java.time.Instant.ofEpochMilli(millis), java.time.ZoneOffset.UTC);
    }
}
