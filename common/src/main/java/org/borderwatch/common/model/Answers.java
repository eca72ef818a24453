package org.borderwatch.common.model;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What a denial or confirmation responds to, as its text describes it: {@code refs} only when the text cites ids,
 * otherwise the accusing party, the claimed period and places. The classifier finds the matching claims.
 */
public record Answers(List<String> refs, Party party, OffsetDateTime from, OffsetDateTime to,
                      List<BorderSegment> segments) {
    public Answers {
        refs = refs == null ? List.of() : List.copyOf(refs);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
