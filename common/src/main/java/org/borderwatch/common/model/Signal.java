package org.borderwatch.common.model;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** An escalation signal: its type, the reports behind it and the sentence that explains it. */
public record Signal(SignalType type, List<UUID> reportIds, String rationale) {
    public Signal {
        Objects.requireNonNull(type, "signal.type");
        reportIds = reportIds == null ? List.of() : List.copyOf(reportIds);
    }
}
