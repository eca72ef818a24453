package org.borderwatch.classifier.signal;

import java.util.Optional;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/**
 * UNCORROBORATED_SURGE: the incident is in a claim surge of which at least {@code uncorroboratedShare} of the claims
 * are refuted or disputed and none is confirmed.
 */
public final class UncorroboratedSurgeDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.UNCORROBORATED_SURGE;
    }

    @Override
    public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
        return ClaimSurgeDetector.surgeOf(incident, context)
                .filter(s -> s.confirmed() == 0
                        && s.refutedOrDisputed() >= context.thresholds().uncorroboratedShare() * s.events())
                .map(s -> new Signal(type(), s.orderedReportIds(), s.refutedOrDisputed() + " of "
                        + s.events() + " claimed events in " + s.who() + "'s surge are refuted or disputed and none "
                        + "is confirmed."));
    }
}
