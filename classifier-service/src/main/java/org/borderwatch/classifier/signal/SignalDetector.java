package org.borderwatch.classifier.signal;

import java.util.Optional;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;

/** One escalation detector: looks at an incident in its context and says whether its signal fires. */
public interface SignalDetector {

    SignalType type();

    Optional<Signal> detect(IncidentFacts incident, SignalContext context);
}
