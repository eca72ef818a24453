package org.borderwatch.classifier.correlation;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A report's place in one incident.
 *
 * @param byTime true when it joined by its event time (it then shapes the incident's window and gap); false when
 *               it joined through the claims it answers
 */
public record Membership(UUID reportId, boolean byTime, OffsetDateTime from, OffsetDateTime to) {
}
