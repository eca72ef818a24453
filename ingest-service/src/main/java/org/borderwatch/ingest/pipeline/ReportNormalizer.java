package org.borderwatch.ingest.pipeline;

import org.borderwatch.common.model.IncidentReport;

import java.time.OffsetDateTime;

/** Turns one record of a partner format into a canonical report, or throws {@link RejectedInputException}. */
public interface ReportNormalizer {

    InputFormat format();

    IncidentReport normalize(byte[] record, OffsetDateTime receivedAt);
}
