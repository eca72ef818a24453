package org.borderwatch.classifier.signal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Party;

/**
 * A claim remembered for the surge and retaliation detectors, also after its incident closed.
 *
 * @param segments   the segments the claim was placed in
 * @param occurrence the latest verdict of its incident(s): CONFIRMED if any of them is
 */
public record ClaimRecord(UUID reportId, String sourceId, String sourceName, Party party, Party actingParty,
                          List<BorderSegment> segments, OffsetDateTime occurredAt, OffsetDateTime publishedAt,
                          Occurrence occurrence) {
    public ClaimRecord {
        segments = segments == null ? List.of() : List.copyOf(segments);
    }

    public ClaimRecord withOccurrence(Occurrence newOccurrence) {
        return new ClaimRecord(reportId, sourceId, sourceName, party, actingParty, segments, occurredAt, publishedAt,
                newOccurrence);
    }

    public ClaimRecord withSegments(List<BorderSegment> newSegments) {
        return new ClaimRecord(reportId, sourceId, sourceName, party, actingParty, newSegments, occurredAt,
                publishedAt, occurrence);
    }

    public String who() {
        return sourceName == null || sourceName.isBlank() ? sourceId : sourceName;
    }
}
