package org.borderwatch.classifier.signal;

import java.util.Locale;
import java.util.Optional;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/**
 * CLAIM_SURGE: one of the incident's claims belongs to a surge of its source's claims (see {@link Surge}). Only claims
 * that tell of hostile action count, in the window and in its baseline ({@link SignalContext#surges}, {@link
 * RetaliationDetector#toldHostileAct}): a side's own fortifying, exercises or losses, or a mine naming no one, is no
 * claim against anyone, and three of them in a week are no surge of claims.
 */
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
                        + " over the " + context.thresholds().surgeBaselineWeeks() + " weeks before"
                        + shortBaseline(s, context) + "."));
    }

    /**
     * Staff review B11: a classifier that started hearing reports after the baseline began ("a weekly average of
     * 0.0" on a cold store) compares the surge with weeks it heard nothing of; say how much of the baseline it heard.
     * When the signal fires is unchanged (the contract's rule).
     */
    static String shortBaseline(Surge s, SignalContext context) {
        return context.historyStart().filter(start -> start.isAfter(s.baselineFrom()))
                .map(start -> {
                    long days = start.isBefore(s.baselineUntil())
                            ? java.time.Duration.between(start, s.baselineUntil()).toDays() : 0;
                    return "; but the classifier has no reports before " + Sentences.time(start)
                            + ", so that baseline covers only " + days + " of its "
                            + java.time.Duration.between(s.baselineFrom(), s.baselineUntil()).toDays() + " days";
                }).orElse("");
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
