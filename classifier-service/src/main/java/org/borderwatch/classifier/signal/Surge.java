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
 * A claim surge of one source: consecutive claims (event time) such that, for a window ending at one of them, the
 * claims in the trailing {@code surgeWindow} reach {@code surgeMinClaims} and at least {@code surgeFactor} times the
 * source's weekly average over the {@code surgeBaselineWeeks} before the window. Overlapping surge windows form
 * one surge.
 *
 * @param baselineWeeklyAverage the weekly average before the first surge window
 */
public record Surge(String sourceId, String who, List<ClaimRecord> claims, double baselineWeeklyAverage) {

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
        return claims.get(0).occurredAt();
    }

    public OffsetDateTime last() {
        return claims.get(claims.size() - 1).occurredAt();
    }

    public long refutedOrDisputed() {
        return claims.stream().filter(c -> c.occurrence() == Occurrence.REFUTED
                || c.occurrence() == Occurrence.DISPUTED).count();
    }

    public long confirmed() {
        return claims.stream().filter(c -> c.occurrence() == Occurrence.CONFIRMED).count();
    }

    /** The surges in one source's claims. */
    public static List<Surge> find(List<ClaimRecord> sourceClaims, SignalThresholds t) {
        List<ClaimRecord> claims = sourceClaims.stream()
                .sorted(Comparator.comparing(ClaimRecord::occurredAt).thenComparing(ClaimRecord::reportId)).toList();
        long window = t.surgeWindow().toMillis();
        long baseline = Duration.ofDays(7L * t.surgeBaselineWeeks()).toMillis();
        long[] at = claims.stream().mapToLong(c -> c.occurredAt().toInstant().toEpochMilli()).toArray();
        List<Surge> result = new ArrayList<>();
        int clusterLo = -1;
        int clusterHi = -1;
        double clusterBaseline = 0;
        int lo = 0;
        for (int j = 0; j < claims.size(); j++) {
            long windowStart = at[j] - window;
            while (lo < j && at[lo] <= windowStart) {
                lo++;
            }
            int count = j - lo + 1;
            // claims in (windowStart - baseline, windowStart]
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
                    result.add(of(claims, clusterLo, clusterHi, clusterBaseline));
                }
                clusterLo = lo;
                clusterHi = j;
                clusterBaseline = weekly;
            }
        }
        if (clusterLo >= 0) {
            result.add(of(claims, clusterLo, clusterHi, clusterBaseline));
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

    private static Surge of(List<ClaimRecord> claims, int lo, int hi, double baseline) {
        List<ClaimRecord> members = claims.subList(lo, hi + 1);
        return new Surge(members.get(0).sourceId(), members.get(0).who(), members, baseline);
    }
}
