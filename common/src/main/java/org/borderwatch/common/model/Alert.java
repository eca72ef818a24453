package org.borderwatch.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A notification about one incident, on {@code border.alerts} keyed by incidentId and sent through the other
 * channels. There is one alert per incident; {@code sequence} counts the messages sent about it.
 *
 * @param alertId           stable for the incident
 * @param sequence          1 for FIRED, then increasing with every update, review and the resolution
 * @param assessmentVersion the assessment version this message reflects
 * @param review            a person's verdict, when there is one (shown before the machine's)
 * @param changes           what changed since the previous message of the same alert, in short human-readable
 *                          reasons ("occurrence DISPUTED -> REFUTED", "new signal CLAIM_SURGE", "incident closed",
 *                          "released: held back by a silence that has ended"); empty (and left out of the JSON) for
 *                          the first message
 * @param evidence          the statements behind the verdict (from the assessment): source, stance, publication time
 *                          and URL of each; left out of the JSON when empty
 * @param verdictUrl        where the verdict with its history can be read in the alert service's API, when the
 *                          service knows its public address; left out of the JSON otherwise
 * @param withdrawn         on the message that closes an incident the classifier withdrew (merged into another, or
 *                          dissolved) rather than resolved: how, and the incident it merged into; left out otherwise
 */
public record Alert(
        int schemaVersion,
        UUID alertId,
        UUID incidentId,
        long sequence,
        long assessmentVersion,
        AlertEvent event,
        AlertStatus status,
        BorderSegment segment,
        Severity severity,
        Occurrence occurrence,
        Attribution attribution,
        List<SignalType> signals,
        TimeWindow window,
        List<Casualties> casualties,
        String summary,
        List<String> rationale,
        Review review,
        OffsetDateTime createdAt,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> changes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Evidence> evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String verdictUrl,
        @JsonInclude(JsonInclude.Include.NON_NULL) Withdrawn withdrawn) {

    public static final int SCHEMA_VERSION = 1;

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(occurrence, "occurrence");
        Objects.requireNonNull(createdAt, "createdAt");
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        signals = signals == null ? List.of() : List.copyOf(signals);
        casualties = casualties == null ? List.of() : List.copyOf(casualties);
        rationale = rationale == null ? List.of() : List.copyOf(rationale);
        changes = changes == null ? List.of() : List.copyOf(changes);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (verdictUrl != null && verdictUrl.isBlank()) {
            verdictUrl = null;
        }
    }

    /** A message that closes no withdrawn incident (or from a producer that does not mark it). */
    public Alert(int schemaVersion, UUID alertId, UUID incidentId, long sequence, long assessmentVersion,
                 AlertEvent event, AlertStatus status, BorderSegment segment, Severity severity,
                 Occurrence occurrence, Attribution attribution, List<SignalType> signals, TimeWindow window,
                 List<Casualties> casualties, String summary, List<String> rationale, Review review,
                 OffsetDateTime createdAt, List<String> changes, List<Evidence> evidence, String verdictUrl) {
        this(schemaVersion, alertId, incidentId, sequence, assessmentVersion, event, status, segment, severity,
                occurrence, attribution, signals, window, casualties, summary, rationale, review, createdAt,
                changes, evidence, verdictUrl, null);
    }

    /** A message with changes but without evidence or a link to the verdict. */
    public Alert(int schemaVersion, UUID alertId, UUID incidentId, long sequence, long assessmentVersion,
                 AlertEvent event, AlertStatus status, BorderSegment segment, Severity severity,
                 Occurrence occurrence, Attribution attribution, List<SignalType> signals, TimeWindow window,
                 List<Casualties> casualties, String summary, List<String> rationale, Review review,
                 OffsetDateTime createdAt, List<String> changes) {
        this(schemaVersion, alertId, incidentId, sequence, assessmentVersion, event, status, segment, severity,
                occurrence, attribution, signals, window, casualties, summary, rationale, review, createdAt,
                changes, List.of(), null);
    }

    /** A message without {@code changes} (the first message of an alert, or a caller that has none to say). */
    public Alert(int schemaVersion, UUID alertId, UUID incidentId, long sequence, long assessmentVersion,
                 AlertEvent event, AlertStatus status, BorderSegment segment, Severity severity,
                 Occurrence occurrence, Attribution attribution, List<SignalType> signals, TimeWindow window,
                 List<Casualties> casualties, String summary, List<String> rationale, Review review,
                 OffsetDateTime createdAt) {
        this(schemaVersion, alertId, incidentId, sequence, assessmentVersion, event, status, segment, severity,
                occurrence, attribution, signals, window, casualties, summary, rationale, review, createdAt,
                List.of());
    }

    /** The same message with these changes. */
    public Alert withChanges(List<String> changes) {
        return new Alert(schemaVersion, alertId, incidentId, sequence, assessmentVersion, event, status, segment,
                severity, occurrence, attribution, signals, window, casualties, summary, rationale, review,
                createdAt, changes, evidence, verdictUrl, withdrawn);
    }

    /** The same message with the statements behind the verdict and the link to it. */
    public Alert withEvidence(List<Evidence> evidence, String verdictUrl) {
        return new Alert(schemaVersion, alertId, incidentId, sequence, assessmentVersion, event, status, segment,
                severity, occurrence, attribution, signals, window, casualties, summary, rationale, review,
                createdAt, changes, evidence, verdictUrl, withdrawn);
    }

    /** The same message marked as closing a withdrawn incident (null: not marked). */
    public Alert withWithdrawn(Withdrawn withdrawn) {
        return new Alert(schemaVersion, alertId, incidentId, sequence, assessmentVersion, event, status, segment,
                severity, occurrence, attribution, signals, window, casualties, summary, rationale, review,
                createdAt, changes, evidence, verdictUrl, withdrawn);
    }
}
