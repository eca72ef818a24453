package org.borderwatch.alert.cap;

import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.AlertEvent;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;

/**
 * How a verdict maps onto CAP 1.2's three axes (documented in README):
 * <ul>
 *   <li>severity: CRITICAL → Extreme, HIGH → Severe, MEDIUM → Moderate, LOW and INFO → Minor;</li>
 *   <li>urgency: resolved → Past; firing but REFUTED (the person's verdict when reviewed, else the machine's) →
 *       Unknown, whatever the severity: nobody should act at once on an incident judged not to have happened, and
 *       the certainty Unlikely says why; otherwise firing HIGH/CRITICAL → Immediate, MEDIUM/LOW → Expected,
 *       INFO → Unknown;</li>
 *   <li>certainty (the person's occurrence when reviewed): CONFIRMED → Observed, UNVERIFIED → Likely at confidence
 *       ≥ 0.5 else Possible (the alert carries no confidence, so UNVERIFIED → Possible), DISPUTED → Possible,
 *       REFUTED → Unlikely;</li>
 *   <li>msgType: FIRED → Alert, UPDATED/REVIEWED → Update, RESOLVED → Cancel; Update and Cancel reference every
 *       earlier message of the alert. An Update of a resolved alert (a correction after closure) is Past, AllClear
 *       and expires as a Cancel does.</li>
 *   <li>responseType: Monitor while firing, AllClear about the resolved, None for the Cancel (or a later Update) of an
 *       incident the classifier withdrew (merged into another, or dissolved): the event it reported is not over, it
 *       is told under another incident, so "no longer a threat" would be wrong.</li>
 * </ul>
 */
public final class CapMapping {

    private CapMapping() {
    }

    public static String severity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> "Extreme";
            case HIGH -> "Severe";
            case MEDIUM -> "Moderate";
            case LOW, INFO -> "Minor";
        };
    }

    public static String urgency(Alert alert) {
        if (alert.status() == AlertStatus.RESOLVED) {
            return "Past";
        }
        if (effectiveOccurrence(alert) == Occurrence.REFUTED) {
            return "Unknown";
        }
        return switch (alert.severity()) {
            case CRITICAL, HIGH -> "Immediate";
            case MEDIUM, LOW -> "Expected";
            case INFO -> "Unknown";
        };
    }

    /** The person's occurrence when the alert was reviewed, else the machine's. */
    public static Occurrence effectiveOccurrence(Alert alert) {
        return alert.review() != null ? alert.review().occurrence() : alert.occurrence();
    }

    public static String certainty(Occurrence occurrence) {
        return switch (occurrence) {
            case CONFIRMED -> "Observed";
            case UNVERIFIED, DISPUTED -> "Possible";
            case REFUTED -> "Unlikely";
        };
    }

    /**
     * A message about an incident that is over: the Cancel, and an Update of a resolved alert (a correction after
     * closure, or a review of a resolved alert). These get {@code responseType} AllClear, {@code urgency} Past and
     * the short expiry of a Cancel.
     */
    public static boolean aboutTheResolved(Alert alert) {
        return alert.event() == AlertEvent.RESOLVED || alert.status() == AlertStatus.RESOLVED;
    }

    /** Monitor, AllClear or (a withdrawn incident) None; see the class comment. */
    public static String responseType(Alert alert, boolean withdrawn) {
        if (withdrawn) {
            return "None";
        }
        return aboutTheResolved(alert) ? "AllClear" : "Monitor";
    }

    public static String msgType(AlertEvent event) {
        return switch (event) {
            case FIRED -> "Alert";
            case UPDATED, REVIEWED -> "Update";
            case RESOLVED -> "Cancel";
        };
    }
}
