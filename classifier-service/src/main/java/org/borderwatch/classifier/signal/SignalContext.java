package org.borderwatch.classifier.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What detectors may know beyond one incident: the thresholds, the neighbouring segments, every open incident and
 * the recent claims per source (also those of closed incidents). Surges are computed once per context.
 */
public final class SignalContext {

    private final SignalThresholds thresholds;
    private final java.time.Duration maxJoiningSpan;
    private final Neighbours neighbours;
    private final List<IncidentFacts> openIncidents;
    private final Map<String, List<ClaimRecord>> claimsBySource;
    private List<Surge> surges;
    private List<ClaimRecord> allClaims;
    private long[] claimMillis;
    private java.time.OffsetDateTime historyStart;

    public SignalContext(SignalThresholds thresholds, Neighbours neighbours, List<IncidentFacts> openIncidents,
                         Map<String, List<ClaimRecord>> claimsBySource) {
        this(thresholds, neighbours, openIncidents, claimsBySource, null);
    }

    /**
     * @param maxJoiningSpan a claim whose interval is longer (a summary of a period) is never the same event as a precise
     *                       claim in a surge's count (null: no limit)
     */
    public SignalContext(SignalThresholds thresholds, Neighbours neighbours, List<IncidentFacts> openIncidents,
                         Map<String, List<ClaimRecord>> claimsBySource, java.time.Duration maxJoiningSpan) {
        this.maxJoiningSpan = maxJoiningSpan;
        this.thresholds = thresholds;
        this.neighbours = neighbours;
        this.openIncidents = List.copyOf(openIncidents);
        this.claimsBySource = new TreeMap<>(claimsBySource);
    }

    /**
     * The earliest publication the classifier has heard of (null: not known). A surge's baseline that reaches back
     * before it counts weeks in which the classifier heard nothing, and the rationale says so (staff review B11).
     */
    public SignalContext heardSince(java.time.OffsetDateTime historyStart) {
        this.historyStart = historyStart;
        return this;
    }

    public java.util.Optional<java.time.OffsetDateTime> historyStart() {
        return java.util.Optional.ofNullable(historyStart);
    }

    public SignalThresholds thresholds() {
        return thresholds;
    }

    /**
     * Whether an event-time interval is longer than {@code classifier.correlation.max-joining-span}: a summary of a
     * period ("over the past week"), which says nothing of when within it anything happened (false without a limit).
     */
    public boolean longSpan(java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        return maxJoiningSpan != null && java.time.Duration.between(from, to).compareTo(maxJoiningSpan) > 0;
    }

    public Neighbours neighbours() {
        return neighbours;
    }

    /** The open incidents, and the closed ones still kept that the engine passes along (SPREAD counts both). */
    public List<IncidentFacts> openIncidents() {
        return openIncidents;
    }

    /** Every remembered claim, in event-time order (computed once per context). */
    public List<ClaimRecord> allClaims() {
        if (allClaims == null) {
            List<ClaimRecord> all = new ArrayList<>();
            claimsBySource.values().forEach(all::addAll);
            all.sort(Comparator.comparing(ClaimRecord::occurredAt).thenComparing(ClaimRecord::reportId));
            allClaims = List.copyOf(all);
            claimMillis = allClaims.stream().mapToLong(c -> c.occurredAt().toInstant().toEpochMilli()).toArray();
        }
        return allClaims;
    }

    /** Remembered claims whose event time lies in {@code [from, to)}, in event-time order. */
    public List<ClaimRecord> claimsBetween(java.time.OffsetDateTime from, java.time.OffsetDateTime to) {
        List<ClaimRecord> all = allClaims();
        int lo = firstAtOrAfter(from.toInstant().toEpochMilli());
        int hi = firstAtOrAfter(to.toInstant().toEpochMilli());
        return lo >= hi ? List.of() : all.subList(lo, hi);
    }

    private int firstAtOrAfter(long millis) {
        int lo = 0;
        int hi = claimMillis.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (claimMillis[mid] < millis) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Every source's claim surges, computed on first use. */
    public List<Surge> surges() {
        if (surges == null) {
            List<Surge> all = new ArrayList<>();
            // a media outlet relays a side's claims: they are that side's surge (its officials' claims), not the outlet's
            // eleventh round: an observer's or a third party's own report is a confirmation, no side's claim (the
            // Russian Defence Ministry's bulletins are no "claim surge" of it); a summary of a period ("since 1
            // April … nine times") says nothing of when within it anything happened: no claimed event in a window;
            // a claim of no hostile action (a side's own fortifying or exercises, its own losses, a mine naming no
            // one: RetaliationDetector.toldHostileAct) is no claim against anyone, in the window or in the baseline
            claimsBySource.forEach((source, claims) -> {
                if (org.borderwatch.classifier.verdict.Publishers.unregistered(source)) {
                    return; // an unregistered publisher's claims make no surge (security review F2)
                }
                List<ClaimRecord> own = claims.stream().filter(c -> !c.relayed() && !c.independentsOwn()
                        && c.toldHostile() && !longSpan(c.occurredAt(), c.occurredUntil())).toList();
                if (!own.isEmpty()) {
                    all.addAll(Surge.find(own, thresholds, maxJoiningSpan));
                }
            });
            surges = List.copyOf(all);
        }
        return surges;
    }
}
