package org.borderwatch.classifier.signal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/**
 * RETALIATION_CYCLE, on the incident holding the answer:
 * <ul>
 *   <li>one of its claims is framed as retaliation; or</li>
 *   <li>one of its claims (an accusation or a self-reported action) by one side follows, within
 *       {@code retaliationWindow}, a claim by the other side in the same or a neighbouring segment. "Follows" means
 *       later in event time and not published before it: an answer comes after what it answers.</li>
 * </ul>
 */
public final class RetaliationDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.RETALIATION_CYCLE;
    }

    @Override
    public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
        for (IncidentReport c : incident.claims()) {
            if (c.retaliation()) {
                return Optional.of(new Signal(type(), List.of(c.reportId()), Sentences.who(c.source())
                        + " presented its statement of " + Sentences.time(c.publishedAt()) + " as retaliation."));
            }
        }
        Duration window = context.thresholds().retaliationWindow();
        Set<BorderSegment> around = context.neighbours().around(incident.segment());
        for (IncidentReport c : incident.claims()) {
            Party side = c.source().party();
            if (!side.isBelligerent()) {
                continue;
            }
            for (ClaimRecord h : context.claimsBetween(c.occurredAt().minus(window), c.occurredAt())) {
                if (h.party() != side.opponent() || h.reportId().equals(c.reportId())
                        || h.segments().stream().noneMatch(around::contains)
                        || h.publishedAt().isAfter(c.publishedAt())) {
                    continue;
                }
                return Optional.of(new Signal(type(), List.of(h.reportId(), c.reportId()),
                        h.who() + "'s claim about " + Sentences.time(h.occurredAt()) + " in "
                                + Sentences.segments(h.segments()) + " was followed within " + window.toHours()
                                + " hours by " + Sentences.who(c.source()) + "'s claim about "
                                + Sentences.time(c.occurredAt()) + " in " + incident.segment() + "."));
            }
        }
        return Optional.empty();
    }
}
