package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.silence.Silence;
import org.borderwatch.alert.store.SilenceStore;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Counts the active silences for {@link AlertMetrics#SILENCES_ACTIVE} (security review F3: a silence is visible). */
@Component
public class SilenceGauge {

    private final SilenceStore store;
    private final AlertMetrics metrics;
    private final Clock clock;

    public SilenceGauge(SilenceStore store, AlertMetrics metrics, Clock clock) {
        this.store = store;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** Reads the silences not ended and sets the gauge. */
    public void refresh() {
        Instant now = clock.instant();
        List<Silence> active = store.notEnded(now).stream().filter(s -> s.isActive(now)).toList();
        long critical = active.stream().filter(Silence::mutesCritical).count();
        metrics.silencesActive(critical, active.size() - critical);
    }
}
