package org.borderwatch.common.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The canonical report: who says what happened, where on the border, when, with what weapons and casualties.
 * Produced by ingest on {@code border.reports.normalized}, keyed by {@link Location#primarySegment()}.
 *
 * @param reportId      name-based UUID of source id + sourceRef (or of the content hash): stable across duplicates
 * @param revision      1 for the first version; a correction under the same sourceRef gets a higher revision
 * @param occurredAt    start of the event-time interval
 * @param occurredUntil end of the event-time interval (equal to the start for an instant)
 * @param retaliation   the statement presents itself as a response ("retaliation", "revenge", "response measures")
 */
public record IncidentReport(
        int schemaVersion,
        UUID reportId,
        String sourceRef,
        int revision,
        Source source,
        Stance stance,
        Party actingParty,
        List<EventType> eventTypes,
        Location location,
        OffsetDateTime occurredAt,
        OffsetDateTime occurredUntil,
        TimePrecision timePrecision,
        OffsetDateTime publishedAt,
        OffsetDateTime receivedAt,
        Casualties casualties,
        Answers answers,
        Coverage coverage,
        boolean retaliation,
        String text,
        String language,
        String url) {

    public static final int SCHEMA_VERSION = 1;

    public IncidentReport {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (schemaVersion <= 0) {
            schemaVersion = SCHEMA_VERSION;
        }
        if (revision <= 0) {
            revision = 1;
        }
        stance = stance == null ? Stance.UNKNOWN : stance;
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
        location = location == null ? Location.unresolved(null) : location;
        timePrecision = timePrecision == null ? TimePrecision.UNKNOWN : timePrecision;
        if (occurredAt == null) {
            occurredAt = publishedAt;
        }
        if (occurredUntil == null) {
            occurredUntil = occurredAt;
        }
        if (occurredUntil.isBefore(occurredAt)) {
            throw new IllegalArgumentException("occurredUntil " + occurredUntil + " is before occurredAt " + occurredAt);
        }
    }

    public EventType mainEventType() {
        return eventTypes.isEmpty() ? EventType.OTHER : eventTypes.get(0);
    }

    public IncidentReport withRevision(int newRevision) {
        return new IncidentReport(schemaVersion, reportId, sourceRef, newRevision, source, stance, actingParty,
                eventTypes, location, occurredAt, occurredUntil, timePrecision, publishedAt, receivedAt, casualties,
                answers, coverage, retaliation, text, language, url);
    }

    public IncidentReport withReceivedAt(OffsetDateTime newReceivedAt) {
        return new IncidentReport(schemaVersion, reportId, sourceRef, revision, source, stance, actingParty,
                eventTypes, location, occurredAt, occurredUntil, timePrecision, publishedAt, newReceivedAt, casualties,
                answers, coverage, retaliation, text, language, url);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder for tests, fixtures and mappers: every field optional except those the constructor requires. */
    public static final class Builder {
        private UUID reportId;
        private String sourceRef;
        private int revision = 1;
        private Source source;
        private Stance stance = Stance.UNKNOWN;
        private Party actingParty;
        private List<EventType> eventTypes = List.of();
        private Location location;
        private OffsetDateTime occurredAt;
        private OffsetDateTime occurredUntil;
        private TimePrecision timePrecision = TimePrecision.UNKNOWN;
        private OffsetDateTime publishedAt;
        private OffsetDateTime receivedAt;
        private Casualties casualties;
        private Answers answers;
        private Coverage coverage;
        private boolean retaliation;
        private String text;
        private String language;
        private String url;

        public Builder reportId(UUID v) { this.reportId = v; return this; }
        public Builder sourceRef(String v) { this.sourceRef = v; return this; }
        public Builder revision(int v) { this.revision = v; return this; }
        public Builder source(Source v) { this.source = v; return this; }
        public Builder stance(Stance v) { this.stance = v; return this; }
        public Builder actingParty(Party v) { this.actingParty = v; return this; }
        public Builder eventTypes(List<EventType> v) { this.eventTypes = v; return this; }
        public Builder eventTypes(EventType... v) { this.eventTypes = List.of(v); return this; }
        public Builder location(Location v) { this.location = v; return this; }
        public Builder occurredAt(OffsetDateTime v) { this.occurredAt = v; return this; }
        public Builder occurredUntil(OffsetDateTime v) { this.occurredUntil = v; return this; }
        public Builder timePrecision(TimePrecision v) { this.timePrecision = v; return this; }
        public Builder publishedAt(OffsetDateTime v) { this.publishedAt = v; return this; }
        public Builder receivedAt(OffsetDateTime v) { this.receivedAt = v; return this; }
        public Builder casualties(Casualties v) { this.casualties = v; return this; }
        public Builder answers(Answers v) { this.answers = v; return this; }
        public Builder coverage(Coverage v) { this.coverage = v; return this; }
        public Builder retaliation(boolean v) { this.retaliation = v; return this; }
        public Builder text(String v) { this.text = v; return this; }
        public Builder language(String v) { this.language = v; return this; }
        public Builder url(String v) { this.url = v; return this; }

        public IncidentReport build() {
            return new IncidentReport(SCHEMA_VERSION, reportId, sourceRef, revision, source, stance, actingParty,
                    eventTypes, location, occurredAt, occurredUntil, timePrecision, publishedAt, receivedAt,
                    casualties, answers, coverage, retaliation, text, language, url);
        }
    }
}
