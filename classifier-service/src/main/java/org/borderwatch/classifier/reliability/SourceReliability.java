package org.borderwatch.classifier.reliability;

import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;

/**
 * Reliability of a source as the mean of a Beta posterior:
 *
 * <pre>
 *   r(s) = (alpha_k + confirmed_s) / (alpha_k + beta_k + confirmed_s + refuted_s)
 * </pre>
 *
 * where {@code k} is the prior of the source's kind (independent observers start high, everyone else at even odds)
 * and {@code confirmed_s} / {@code refuted_s} count its claims in closed incidents whose final verdict an
 * independent observer decided (CONFIRMED by an observer, or REFUTED). Self-reports and both-sides confirmations
 * do not move the record: they say nothing about a source's honesty towards the other side.
 */
public final class SourceReliability {

    private final ReliabilitySettings settings;

    public SourceReliability(ReliabilitySettings settings) {
        this.settings = settings;
    }

    public double of(Source source, SourceRecord record) {
        SourceRecord r = record == null ? SourceRecord.NONE : record;
        boolean observer = source.kind() == SourceKind.INDEPENDENT_OBSERVER;
        double alpha = observer ? settings.observerAlpha() : settings.partyAlpha();
        double beta = observer ? settings.observerBeta() : settings.partyBeta();
        return (alpha + r.confirmed()) / (alpha + beta + r.confirmed() + r.refuted());
    }

    /** Noisy-OR: the chance that at least one of independent sources with these reliabilities is right. */
    public static double noisyOr(Iterable<Double> reliabilities) {
        double none = 1.0;
        boolean any = false;
        for (double r : reliabilities) {
            none *= 1.0 - r;
            any = true;
        }
        return any ? 1.0 - none : 0.0;
    }
}
