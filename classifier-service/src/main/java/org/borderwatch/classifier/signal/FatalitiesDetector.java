package org.borderwatch.classifier.signal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.borderwatch.classifier.verdict.Sentences;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Signal;
import org.borderwatch.common.model.SignalType;
import org.borderwatch.common.model.Stance;

/** FATALITIES: the incident's casualties (claims and confirmations only) include anyone killed. */
public final class FatalitiesDetector implements SignalDetector {

    @Override
    public SignalType type() {
        return SignalType.FATALITIES;
    }

    @Override
    public Optional<Signal> detect(IncidentFacts incident, SignalContext context) {
        int killed = incident.casualties().stream().mapToInt(Casualties::killedOrZero).sum();
        if (killed == 0) {
            return Optional.empty();
        }
        List<UUID> ids = incident.members().stream()
                .filter(r -> r.stance() == Stance.CLAIM || r.stance() == Stance.CONFIRMATION)
                .filter(r -> r.casualties() != null && r.casualties().killedOrZero() > 0)
                .map(IncidentReport::reportId).toList();
        String sides = String.join(", ", incident.casualties().stream().filter(c -> c.killedOrZero() > 0)
                .map(c -> (c.party() == null ? "side not given" : Sentences.adjective(c.party())) + ": "
                        + c.killedOrZero())
                .toList());
        boolean critical = killed >= context.thresholds().fatalitiesCritical();
        return Optional.of(new Signal(type(), ids, killed + " killed (" + sides + ")"
                + (critical ? "; " + context.thresholds().fatalitiesCritical() + " or more killed is critical." : ".")));
    }

    /** Needs nothing beyond the report's own figures: the same rule for a report assessed alone. */
    @Override
    public Optional<Signal> detectAlone(IncidentFacts report, SignalContext context) {
        return detect(report, context);
    }
}
