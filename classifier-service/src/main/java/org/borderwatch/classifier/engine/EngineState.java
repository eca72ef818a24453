package org.borderwatch.classifier.engine;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.borderwatch.classifier.correlation.IncidentState;
import org.borderwatch.classifier.reliability.SourceRecord;
import org.borderwatch.classifier.signal.ClaimRecord;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;

/**
 * Everything the engine remembers, as one JSON-serialisable document. Every part is bounded by time: closed
 * incidents are evicted once the grace after their closure has passed, and histories are trimmed to what the rules can still look at.
 */
public final class EngineState {
    /** Stream time: the latest publication time seen. */
    public OffsetDateTime streamTime;
    /**
     * The publication time of the earliest report this engine has heard of (at the border's offset): what it knows
     * reaches back no further, so a claim surge's baseline before it is no baseline (staff review B11). Null in a state
     * written before this field existed: unknown, and then nothing is said about it.
     */
    public OffsetDateTime historyStart;
    public long nextSeq;
    public long lateReports;
    public long duplicates;
    /** Reports referenced by open incidents, observations, pending answers and milestones. */
    public Map<UUID, IncidentReport> reports = new HashMap<>();
    /** Report ids seen recently, with their revision: duplicates are ignored, corrections replace. */
    public Map<UUID, Seen> seen = new HashMap<>();
    public List<IncidentState> incidents = new ArrayList<>();
    /**
     * Incidents closed by the quiet period, kept (with their reports) until stream time passes their closure plus the
     * grace: a late report within grace that belongs to one updates it (a corrected final version, still closed).
     */
    public List<IncidentState> closed = new ArrayList<>();
    /** Observer statements with a coverage. */
    public List<UUID> observations = new ArrayList<>();
    /** Denials and confirmations whose answered claims are not known yet. */
    public List<UUID> pending = new ArrayList<>();
    public List<UUID> milestones = new ArrayList<>();
    /**
     * Responses (denials, confirmations) that had joined a claim's incident by what they answer, and whose claim its
     * source then corrected to a time or place that took it to another incident: response id → claim id. Their
     * sentences say that they answered the claim's earlier version (evidence session, gap b). Kept while the response
     * is in the state; empty in state written before this field existed.
     */
    public Map<UUID, UUID> correctedAway = new HashMap<>();
    /** Recent claims per source id, also of closed incidents. */
    public Map<String, List<ClaimRecord>> claims = new TreeMap<>();
    /** Start times of recent incidents per segment. */
    public Map<BorderSegment, List<OffsetDateTime>> segmentStarts = new TreeMap<>();
    /**
     * The last version of each closed incident evicted, kept while its claims may still be remembered (c25): a late
     * answer assessed alone under the id of an incident it had opened (a denial published before its claim) continues
     * that incident's versions, so alert-service, which ignores a version not newer than its latest, does not drop it.
     * Empty in state written before this field existed.
     */
    public Map<UUID, Evicted> evicted = new HashMap<>();
    /** Track records per source id. */
    public Map<String, org.borderwatch.classifier.reliability.SourceRecord> sources = new TreeMap<>();

    /**
     * A report id's latest revision, kept until stream time passes {@code publishedAt} + grace + quiet period. For a
     * report beyond the grace (assessed alone) {@code publishedAt} is the stream time it was read at, so that its
     * redelivery is still recognised.
     *
     * @param apart for a report assessed alone, whether its incident is the one apart
     *              ({@link Assessor#aloneIncidentId}: true) or the report's own in its segment (false); null for a report
     *              placed in order (and in state written before c20), whose correction assessed alone is put apart
     * @param segments for a report assessed alone, the segments it stood in (one incident each): a correction that
     *                 no longer names one of them withdraws the report from that segment's incident (c22); null for a
     *                 report placed in order and in state written before c22 (nothing is withdrawn then)
     */
    public record Seen(int revision, OffsetDateTime publishedAt, Boolean apart, List<BorderSegment> segments) {

        /** A report placed in order. */
        public Seen(int revision, OffsetDateTime publishedAt) {
            this(revision, publishedAt, null, null);
        }
    }

    /**
     * An evicted incident's last version, kept until stream time passes {@code until} plus the claim history and the
     * grace, the horizon at which its claims' records are trimmed ({@code until}: the later of the stream time at
     * eviction and the incident's window end, after every claim's publication and event).
     */
    public record Evicted(long version, OffsetDateTime until) {
    }

    SourceRecord source(String id) {
        return sources.getOrDefault(id, SourceRecord.NONE);
    }
}
