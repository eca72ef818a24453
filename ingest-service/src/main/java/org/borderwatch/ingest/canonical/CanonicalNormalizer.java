package org.borderwatch.ingest.canonical;

import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.schema.JsonSchemas;
import org.borderwatch.ingest.pipeline.ContentHash;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.RejectedInputException;
import org.borderwatch.ingest.pipeline.ReportNormalizer;
import org.borderwatch.ingest.pipeline.Violation;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The {@code canonical} format: already an {@code IncidentReport}. It is checked against the schema in
 * {@code common}; the report id is recomputed from the source id and sourceRef (or the content) so that the same
 * report always has the same id whoever sends it; {@code receivedAt} is set by ingest.
 */
public final class CanonicalNormalizer implements ReportNormalizer {

    private static final UUID PLACEHOLDER = new UUID(0, 0);

    @Override
    public InputFormat format() {
        return InputFormat.CANONICAL;
    }

    @Override
    public IncidentReport normalize(byte[] record, OffsetDateTime receivedAt) {
        try {
            Json.tree(record);
        } catch (JsonReadException e) {
            throw new RejectedInputException(RejectReason.MALFORMED, e.getMessage());
        }
        String json = new String(record, StandardCharsets.UTF_8);
        List<Violation> violations = JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT, json).stream()
                .map(v -> Violation.atPointer(v.path(), v.message()))
                .toList();
        if (!violations.isEmpty()) {
            throw RejectedInputException.violations(violations);
        }
        IncidentReport report;
        try {
            report = Json.read(record, IncidentReport.class);
        } catch (JsonReadException e) {
            throw new RejectedInputException(RejectReason.SCHEMA_VIOLATION, e.getMessage(),
                    List.of(new Violation("$", e.getMessage())));
        }
        String ref = report.sourceRef() != null ? report.sourceRef() : contentHash(report);
        UUID id = Uuids.reportId(report.source().id(), ref);
        return withId(report, id).withReceivedAt(receivedAt);
    }

    private static String contentHash(IncidentReport report) {
        IncidentReport neutral = withId(report, PLACEHOLDER).withReceivedAt(null).withRevision(1);
        return ContentHash.sha256(Json.write(neutral));
    }

    private static IncidentReport withId(IncidentReport r, UUID id) {
        return new IncidentReport(r.schemaVersion(), id, r.sourceRef(), r.revision(), r.source(), r.stance(),
                r.actingParty(), r.eventTypes(), r.location(), r.occurredAt(), r.occurredUntil(), r.timePrecision(),
                r.publishedAt(), r.receivedAt(), r.casualties(), r.answers(), r.coverage(), r.retaliation(),
                r.text(), r.language(), r.url());
    }
}
