package org.borderwatch.ingest.pipeline;

import org.borderwatch.common.model.IncidentReport;

import java.time.OffsetDateTime;
import java.util.List;

/** Turns one record of a partner format into a canonical report, or throws {@link RejectedInputException}. */
public interface ReportNormalizer {

    InputFormat format();

    IncidentReport normalize(byte[] record, OffsetDateTime receivedAt);

    /**
     * Every report one record gives, the main one first. One for most records; a statement can give a second (a
     * denial's counter-accusation, see the statement normaliser).
     */
    default List<IncidentReport> normalizeAll(byte[] record, OffsetDateTime receivedAt) {
        return List.of(normalize(record, receivedAt));
    }
}
