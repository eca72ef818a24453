package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Signal;

import java.util.StringJoiner;
import java.util.stream.Collectors;

/** One line a person reads first: severity, where, what is known, signals, losses. */
public final class AlertSummaries {

    private AlertSummaries() {
    }

    /** Words of the summary (and the history) of a correction of a resolved incident. */
    public static final String CORRECTED_AFTER_CLOSURE = "corrected after closure";

    public static String summary(Assessment a, Review review, AlertEvent event) {
        return summary(a, review, event, event == AlertEvent.RESOLVED ? AlertStatus.RESOLVED : AlertStatus.FIRING);
    }

    /** As {@link #summary(Assessment, Review, AlertEvent)}; an UPDATED of a RESOLVED alert is a correction. */
    public static String summary(Assessment a, Review review, AlertEvent event, AlertStatus status) {
        StringJoiner line = new StringJoiner(" · ");
        line.add(a.severity() + " " + a.segment());
        if (review != null) {
            line.add("reviewed " + review.occurrence() + " (machine: " + a.occurrence() + ")");
        } else {
            line.add(a.occurrence() + (a.attribution() != null ? " / " + a.attribution() : ""));
        }
        if (!a.signals().isEmpty()) {
            line.add(a.signals().stream().map(Signal::type).map(Enum::name).collect(Collectors.joining(", ")));
        }
        if (a.killed() > 0) {
            line.add(a.killed() + " killed");
        }
        if (event == AlertEvent.RESOLVED) {
            // merged into another incident or dissolved: withdrawn, not over
            line.add(Withdrawal.of(a).map(Withdrawal::words).orElse("resolved"));
        } else if (event == AlertEvent.UPDATED && status == AlertStatus.RESOLVED) {
            line.add("resolved, " + CORRECTED_AFTER_CLOSURE);
        }
        return line.toString();
    }
}
