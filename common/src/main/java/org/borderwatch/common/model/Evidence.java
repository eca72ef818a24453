package org.borderwatch.common.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * One statement behind a verdict, so that a reader can check the verdict against the texts: which report, who
 * published it, what it says (its stance in the incident), when, and where to read it.
 *
 * @param reportId    the report's id ({@code IncidentReport.reportId})
 * @param revision    the report's revision the verdict used (a correction raises it)
 * @param source      who published it, as the source registry names it
 * @param stance      claim, denial, refutation, confirmation or unknown
 * @param publishedAt when the source published it (the stream time of the classifier)
 * @param url         where the statement can be read, when the partner sent one; left out of the JSON otherwise
 */
public record Evidence(
        UUID reportId,
        int revision,
        Source source,
        Stance stance,
        OffsetDateTime publishedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String url) {

    public Evidence {
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (revision <= 0) {
            revision = 1;
        }
        if (url != null && url.isBlank()) {
            url = null;
        }
    }

    /** The evidence a report gives: its id, revision, source, stance, publication time and URL. */
    public static Evidence of(IncidentReport report) {
        return new Evidence(report.reportId(), report.revision(), report.source(), report.stance(),
                report.publishedAt(), report.url());
    }
}
