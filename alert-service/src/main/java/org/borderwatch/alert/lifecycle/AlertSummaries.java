package org.borderwatch.alert.lifecycle;

import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Signal;

import java.util.StringJoiner;
import java.util.stream.Collectors;

/** One line a person reads first: severity, where, what is known, signals, losses. */
public final class AlertSummaries {

    private AlertSummaries() {
    }

    public static String summary(Assessment a, Review review, AlertEvent event) {
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
            line.add("resolved");
        }
        return line.toString();
    }
}
