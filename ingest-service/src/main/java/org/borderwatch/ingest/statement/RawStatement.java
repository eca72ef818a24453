package org.borderwatch.ingest.statement;

import java.time.OffsetDateTime;

/** A partner's statement as sent: {@code {sourceRef, source, publishedAt, language, text, url}}. */
public record RawStatement(String sourceRef, String source, OffsetDateTime publishedAt, String language, String text,
                           String url) {
}
