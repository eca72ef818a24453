package org.borderwatch.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One version of the classifier's verdict on an incident, on {@code border.assessments} keyed by incidentId.
 *
 * @param version     increases by one with every change of the incident
 * @param window      the incident's event-time interval
 * @param confidence  in [0, 1]: how sure the verdict on occurrence is
 * @param reportIds   the incident's report ids grouped by stance
 * @param casualties  per side, as the incident's claims and confirmations give them
 * @param closed      true in the final version, after the incident has been quiet for the configured period
 * @param rationale   the sentences a person needs to agree or disagree with the verdict
 * @param asOf        the stream time (publication time of the latest report seen) this version reflects
 * @param sources     ids of the sources behind the incident's reports (e.g. {@code az-mod}), sorted
 * @param evidence    the statements behind the verdict (one per report, in publication order) with source, stance,
 *                    publication time and URL, so a reader can check the verdict against the texts; left out of the
 *                    JSON when empty
 * @param closure     why the incident closed ({@link Closure}: QUIET, MERGED with the incident it merged into,
 *                    DISSOLVED, ASSESSED_ALONE); only on a closed version, left out of the JSON otherwise and by
 *                    producers that do not fill it (then the last rationale sentence is all there is)
 */
public record Assessment(
        int schemaVersion,
        UUID incidentId,
        long version,
        BorderSegment segment,
        TimeWindow window,
        Occurrence occurrence,
        Attribution attribution,
        double confidence,
        Party actingParty,
        List<EventType> eventTypes,
        Map<Stance, List<UUID>> reportIds,
        List<Casualties> casualties,
        Severity severity,
        List<Signal> signals,
        boolean closed,
        List<String> rationale,
        OffsetDateTime asOf,
        List<String> sources,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Evidence> evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) Closure closure) {

    public static final int SCHEMA_VERSION = 1;

    public Assessment {
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(severity, "severity");
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (version <= 0) {
            throw new IllegalArgumentException("version starts at 1");
        }
        if (confidence < 0 || confidence > 1 || Double.isNaN(confidence)) {
            throw new IllegalArgumentException("confidence must be in [0,1]: " + confidence);
        }
        attribution = attribution == null ? Attribution.UNCONTESTED : attribution;
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        reportIds = reportIds == null ? Map.of() : Map.copyOf(reportIds);
        casualties = casualties == null ? List.of() : List.copyOf(casualties);
        signals = signals == null ? List.of() : List.copyOf(signals);
        rationale = rationale == null ? List.of() : List.copyOf(rationale);
        sources = sources == null ? List.of() : List.copyOf(sources);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (closure != null && !closed) {
            throw new IllegalArgumentException("closure " + closure.reason() + " on an open assessment (closed only)");
        }
    }

    /** A version without a machine-readable closure (a producer that does not fill it). */
    public Assessment(int schemaVersion, UUID incidentId, long version, BorderSegment segment, TimeWindow window,
                      Occurrence occurrence, Attribution attribution, double confidence, Party actingParty,
                      List<EventType> eventTypes, Map<Stance, List<UUID>> reportIds, List<Casualties> casualties,
                      Severity severity, List<Signal> signals, boolean closed, List<String> rationale,
                      OffsetDateTime asOf, List<String> sources, List<Evidence> evidence) {
        this(schemaVersion, incidentId, version, segment, window, occurrence, attribution, confidence, actingParty,
                eventTypes, reportIds, casualties, severity, signals, closed, rationale, asOf, sources, evidence, null);
    }

    /** A version without evidence (a producer that does not list the statements behind it). */
    public Assessment(int schemaVersion, UUID incidentId, long version, BorderSegment segment, TimeWindow window,
                      Occurrence occurrence, Attribution attribution, double confidence, Party actingParty,
                      List<EventType> eventTypes, Map<Stance, List<UUID>> reportIds, List<Casualties> casualties,
                      Severity severity, List<Signal> signals, boolean closed, List<String> rationale,
                      OffsetDateTime asOf, List<String> sources) {
        this(schemaVersion, incidentId, version, segment, window, occurrence, attribution, confidence, actingParty,
                eventTypes, reportIds, casualties, severity, signals, closed, rationale, asOf, sources, List.of());
    }

    /** The same version, closed for this reason (closure non-null), or as it is (null on an open version). */
    public Assessment withClosure(Closure closure) {
        return new Assessment(schemaVersion, incidentId, version, segment, window, occurrence, attribution,
                confidence, actingParty, eventTypes, reportIds, casualties, severity, signals,
                closed || closure != null, rationale, asOf, sources, evidence, closure);
    }

    public boolean hasSignal(SignalType type) {
        return signals.stream().anyMatch(s -> s.type() == type);
    }

    public int killed() {
        return casualties.stream().mapToInt(Casualties::killedOrZero).sum();
    }
}
