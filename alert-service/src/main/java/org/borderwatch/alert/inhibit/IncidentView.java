package org.borderwatch.alert.inhibit;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.TimeWindow;

import java.util.UUID;

/**
 * What inhibition needs to know about an incident: where, how severe, when it happened (event time), and the
 * occurrence that counts (the person's when the verdict was reviewed, else the machine's).
 */
public record IncidentView(UUID incidentId, BorderSegment segment, Severity severity, TimeWindow window,
                           Occurrence occurrence) {

    public IncidentView(UUID incidentId, BorderSegment segment, Severity severity, TimeWindow window) {
        this(incidentId, segment, severity, window, null);
    }
}
