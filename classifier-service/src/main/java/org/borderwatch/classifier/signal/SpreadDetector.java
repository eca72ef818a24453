package org.borderwatch.classifier.signal;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/**
 * SPREAD: incidents (the open ones, and the closed ones still kept within the grace of their closure: event time
 * decides, not which one closed first) with claims in at least {@code spreadSegments} segments within
 * {@code spreadWindow}, i.e.
 * some window of that length meets every one of their event-time windows, this incident's included. An incident
 * whose claims are all summaries of a period (longer than {@code classifier.correlation.max-joining-span}: a weekly
 * summary "along the entire border") is no incident in this count, and gets no SPREAD itself: it says nothing of
 * when within its week anything happened, so it cannot place fire in a segment within 24 hours of another. Nor is an
 * incident whose claims tell of no hostile action (a mine explosion, a side's own fortifying of its posts: {@link
 * RetaliationDetector#toldHostileAct}). Nor is an incident an observer refuted (occurrence REFUTED: its patrols
 * covered that segment and time and saw nothing, so nothing spread there); it gets no SPREAD itself either. When an
 * incident that made the third segment is refuted later, the open incidents beside it are decided again with the
 * refutation and their next version drops SPREAD; a closed incident's final version keeps the signal it closed with.
 */
public final class SpreadDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.SPREAD;
    }

    @Override
    public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
        if (!counts(incident, context)) {
            return Optional.empty();
        }
        List<IncidentFacts> candidates = context.openIncidents().stream().filter(i -> counts(i, context))
                .sorted(Comparator.comparing(IncidentFacts::to).thenComparing(IncidentFacts::id)).toList();
        for (IncidentFacts anchor : candidates) {
            OffsetDateTime t = anchor.to();
            OffsetDateTime end = t.plus(context.thresholds().spreadWindow());
            if (incident.to().isBefore(t) || incident.from().isAfter(end)) {
                continue;
            }
            List<IncidentFacts> hit = candidates.stream()
                    .filter(i -> !i.to().isBefore(t) && !i.from().isAfter(end)).toList();
            Set<BorderSegment> segments = EnumSet.noneOf(BorderSegment.class);
            hit.forEach(i -> segments.add(i.segment()));
            if (segments.size() >= context.thresholds().spreadSegments()) {
                List<UUID> ids = new ArrayList<>();
                hit.forEach(i -> i.accounts().stream().map(IncidentReport::reportId)
                        .filter(id -> !ids.contains(id)).forEach(ids::add));
                // each segment by the start of its earliest incident in the window, in order of those starts
                java.util.Map<BorderSegment, OffsetDateTime> starts = new java.util.EnumMap<>(BorderSegment.class);
                hit.forEach(i -> starts.merge(i.segment(), i.from(), (a, b) -> a.isBefore(b) ? a : b));
                String where = String.join(", ", starts.entrySet().stream()
                        .sorted(java.util.Map.Entry.<BorderSegment, OffsetDateTime>comparingByValue()
                                .thenComparing(java.util.Map.Entry.comparingByKey()))
                        .map(en -> en.getKey() + " from " + Sentences.time(en.getValue())).toList());
                return Optional.of(new Signal(type(), ids, "Incidents in " + segments.size() + " segments within "
                        + context.thresholds().spreadWindow().toHours() + " hours of each other: " + where + "."));
            }
        }
        return Optional.empty();
    }

    /** Whether an incident is one of SPREAD's: placed, timed and telling of hostile action, and not refuted. */
    private static boolean counts(IncidentFacts incident, SignalContext context) {
        return incident.segment().isResolved() && incident.occurrence() != Occurrence.REFUTED
                && timed(incident, context);
    }

    /**
     * Whether an incident has a claim (or, holding none, an independent confirmation: {@link
     * IncidentFacts#accounts}) that is not a summary of a period (one that says when it happened) and tells of
     * hostile action ({@link RetaliationDetector#toldHostileAct}): a mine going off, a side's own engineering work or
     * buildup spread nothing along the border.
     */
    private static boolean timed(IncidentFacts incident, SignalContext context) {
        return incident.accounts().stream().anyMatch(c -> !context.longSpan(c.occurredAt(), c.occurredUntil())
                && RetaliationDetector.toldHostileAct(c));
    }
}
