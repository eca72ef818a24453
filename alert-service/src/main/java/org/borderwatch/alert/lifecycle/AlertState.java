package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the lifecycle remembers about one incident's alert: the latest verdict seen, the person's review, and the
 * values last notified (changes are measured against what subscribers were told, not against the last version).
 *
 * @param sequence       the number of messages produced so far (the last message's sequence)
 * @param reviewCount    how many reviews were recorded
 * @param lastNotifiedAt when the last message was produced: the alert's own repeat clock, that of the
 *                       {@code border.alerts} feed and the live stream (subscriptions have their own, see
 *                       {@link RepeatClocks})
 */
public record AlertState(UUID alertId, UUID incidentId, AlertStatus status, Assessment latest, Review review,
                         int reviewCount, long sequence, Severity notifiedSeverity, Occurrence notifiedOccurrence,
                         Set<SignalType> notifiedSignals, Instant firstNotifiedAt, Instant lastNotifiedAt) {
    public AlertState {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(incidentId, "incidentId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(latest, "latest");
        notifiedSignals = notifiedSignals == null ? Set.of() : Set.copyOf(notifiedSignals);
    }

    /** The occurrence that counts: the person's when there is a review, else the machine's. */
    public Occurrence effectiveOccurrence() {
        return review != null ? review.occurrence() : latest.occurrence();
    }
}
