package org.borderwatch.classifier.signal;

import java.util.Optional;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/** One escalation detector: looks at an incident in its context and says whether its signal fires. */
public interface SignalDetector {

    SignalType type();

    Optional<Signal> detect(IncidentFacts incident, SignalContext context);

    /**
     * The signal of a report assessed alone (published more than {@code classifier.grace} behind stream time): the
     * facts hold that one report, the context no other incident and no remembered claim. Only a signal that needs
     * nothing beyond the report itself may fire; the default, for a detector that compares a report with others
     * (surges, SPREAD, QUIET_BROKEN), is none.
     */
    default Optional<Signal> detectAlone(IncidentFacts report, SignalContext context) {
        return Optional.empty();
    }
}
