package org.borderwatch.common.topic;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The catalogue of BorderWatch topics, shared by main code, tests, the launcher and the AsyncAPI document. */
public final class Topics {

    /** Prefix of the raw partner topics, one per input format. */
    public static final String RAW_PREFIX = "border.reports.raw.";

    public static final Topic<String, byte[]> RAW_CANONICAL = new Topic<>(RAW_PREFIX + "canonical",
            String.class, byte[].class, "canonical-input.schema.json",
            "Partner reports already in the canonical IncidentReport shape (reportId, receivedAt and revision may be "
                    + "left out: ingest computes them); key: the partner's id or none");
    public static final Topic<String, byte[]> RAW_STATEMENT = new Topic<>(RAW_PREFIX + "statement",
            String.class, byte[].class, null,
            "Official statements as text: {sourceRef, source, publishedAt, language, text, url}");
    public static final Topic<String, byte[]> RAW_ACLED = new Topic<>(RAW_PREFIX + "acled",
            String.class, byte[].class, null, "ACLED-style CSV rows, one event per record");
    public static final Topic<BorderSegment, IncidentReport> NORMALIZED = new Topic<>("border.reports.normalized",
            BorderSegment.class, IncidentReport.class, "incident-report.schema.json",
            "Canonical reports keyed by primary border segment; retained for years so the classifier can replay");
    public static final Topic<Void, byte[]> REJECTED = new Topic<>("border.reports.rejected",
            Void.class, byte[].class, null,
            "Original payloads ingest could not accept; headers bw-reject-reason, bw-reject-detail, bw-source (bw-partner for HTTP)");
    public static final Topic<UUID, Assessment> ASSESSMENTS = new Topic<>("border.assessments",
            UUID.class, Assessment.class, "assessment.schema.json",
            "One record per incident version, keyed by incidentId, written with exactly-once");
    public static final Topic<UUID, Alert> ALERTS = new Topic<>("border.alerts",
            UUID.class, Alert.class, "alert.schema.json", "Alerts for partner systems, keyed by incidentId");

    /** Header names on {@link #REJECTED}. */
    public static final String HEADER_REJECT_REASON = "bw-reject-reason";
    public static final String HEADER_REJECT_DETAIL = "bw-reject-detail";
    public static final String HEADER_SOURCE = "bw-source";
    /** Only on rejections of HTTP requests: the partner name of the API key used (never the key). */
    public static final String HEADER_PARTNER = "bw-partner";

    private static final List<Topic<?, ?>> ALL = List.of(RAW_CANONICAL, RAW_STATEMENT, RAW_ACLED, NORMALIZED,
            REJECTED, ASSESSMENTS, ALERTS);

    private Topics() {
    }

    public static List<Topic<?, ?>> all() {
        return ALL;
    }

    public static Optional<Topic<?, ?>> byName(String name) {
        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The raw topic of an input format ({@code canonical}, {@code statement}, {@code acled}). */
    public static Topic<String, byte[]> raw(String format) {
        return switch (format) {
            case "canonical" -> RAW_CANONICAL;
            case "statement" -> RAW_STATEMENT;
            case "acled" -> RAW_ACLED;
            default -> throw new IllegalArgumentException("unknown input format: " + format);
        };
    }
}
