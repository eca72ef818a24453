package org.borderwatch.classifier.signal;

import java.util.Locale;
import java.util.Optional;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/** CLAIM_SURGE: one of the incident's claims belongs to a surge of its source's claims (see {@link Surge}). */
public final class ClaimSurgeDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.CLAIM_SURGE;
    }

    @Override
    public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
        return surgeOf(incident, context).map(s -> new Signal(type(), s.orderedReportIds(),
                s.who() + " claimed " + s.events() + " events" + (s.claims().size() > s.events() ? " (" + s.claims().size() + " statements)" : "") + " from " + Sentences.time(s.first()) + " to "
                        + Sentences.time(s.last()) + " (at least " + context.thresholds().surgeMinClaims()
                        + " within " + context.thresholds().surgeWindow().toDays() + " days), against a weekly "
                        + "average of " + String.format(Locale.ROOT, "%.1f", s.baselineWeeklyAverage())
                        + " over the " + context.thresholds().surgeBaselineWeeks() + " weeks before."));
    }

    static Optional<Surge> surgeOf(IncidentFacts incident, SignalContext context) {
        for (IncidentReport claim : incident.claims()) {
            for (Surge s : context.surges()) {
                if (s.contains(claim.reportId())) {
                    return Optional.of(s);
                }
            }
        }
        return Optional.empty();
    }
}
