package org.borderwatch.alert.inhibit;

import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.TimeWindow;

import java.util.UUID;

/** What inhibition needs to know about an incident: where, how severe, and when it happened (event time). */
public record IncidentView(UUID incidentId, BorderSegment segment, Severity severity, TimeWindow window) {
}
