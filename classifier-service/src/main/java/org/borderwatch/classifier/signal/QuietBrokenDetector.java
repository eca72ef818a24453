package org.borderwatch.classifier.signal;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/**
 * QUIET_BROKEN: the first incident in a segment after {@code quietCalm} without one, in a segment that had at least
 * {@code quietMinIncidents} incidents in the {@code quietLookback} before the calm began. An incident whose claims tell
 * of no hostile action (a mine going off, a side's own engineering work: {@link RetaliationDetector#toldHostileAct})
 * breaks no calm. Nor does an incident an observer refuted (occurrence REFUTED: its patrols covered the segment and
 * the time and saw nothing, so the calm held): it gets no QUIET_BROKEN, and loses it when the refutation comes after the
 * signal. The count before the calm is of the segment's incident starts as remembered (any incident of hostile action,
 * a refuted one too: the segment's starts are remembered without their verdicts, and a claim the observers did not
 * confirm is still activity in the segment); a refuted incident's start also ends the calm for the incidents after it.
 */
public final class QuietBrokenDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.QUIET_BROKEN;
    }

    @Override
    public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
        if (!incident.segment().isResolved() || incident.priorStarts().isEmpty() || incident.accounts().isEmpty()
                || incident.occurrence() == Occurrence.REFUTED) {
            return Optional.empty();
        }
        // eleventh round: an incident of summaries of a period ("over the past week … five times") breaks no calm: it
        // says nothing of when within its week anything happened (its start is not among the segment's starts either)
        if (incident.accounts().stream().allMatch(c -> context.longSpan(c.occurredAt(), c.occurredUntil()))) {
            return Optional.empty();
        }
        // nor does an incident telling of no hostile action: a mine going off, a side fortifying its own posts
        if (incident.accounts().stream().noneMatch(RetaliationDetector::toldHostileAct)) {
            return Optional.empty();
        }
        OffsetDateTime start = incident.start();
        Optional<OffsetDateTime> last = incident.priorStarts().stream().filter(p -> p.isBefore(start))
                .max(Comparator.naturalOrder());
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Duration calm = Duration.between(last.get(), start);
        if (calm.compareTo(context.thresholds().quietCalm()) < 0) {
            return Optional.empty();
        }
        OffsetDateTime lookbackStart = last.get().minus(context.thresholds().quietLookback());
        long active = incident.priorStarts().stream()
                .filter(p -> !p.isBefore(lookbackStart) && !p.isAfter(last.get())).count();
        if (active < context.thresholds().quietMinIncidents()) {
            return Optional.empty();
        }
        List<java.util.UUID> ids = incident.accounts().stream().map(IncidentReport::reportId).toList();
        return Optional.of(new Signal(type(), ids, "First incident in " + incident.segment() + " after "
                + calm.toDays() + " days of calm (last one " + Sentences.day(last.get()) + "); " + active
                + " incidents in the " + context.thresholds().quietLookback().toDays() + " days before the calm."));
    }
}
