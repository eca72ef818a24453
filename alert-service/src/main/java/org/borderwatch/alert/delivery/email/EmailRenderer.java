package org.borderwatch.alert.delivery.email;

import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.common.model.Alert;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The plain-text and HTML bodies of an alert e-mail. */
public final class EmailRenderer {

    private EmailRenderer() {
    }

    /**
     * A digest always says so, even with one alert, so it never reads like an immediate alert arriving late. Several
     * messages count their incidents (two messages about one incident are one incident) and lead with the most
     * severe incident, in the state of its latest message here (a digest that carries an incident's FIRED and the
     * UPDATED that confirmed it leads with the confirmation, never with the stale first word):
     * {@code [BorderWatch] 3 incidents (4 messages) — most severe FIRED: CRITICAL …}.
     */
    public static String subject(Notification n) {
        boolean digest = n.mode() == org.borderwatch.alert.routing.DeliveryMode.DIGEST;
        List<Alert> alerts = n.alerts();
        Alert top = currentMostSevereFirst(n).get(0);
        if (alerts.size() == 1) {
            return "[BorderWatch] " + (digest ? "digest, 1 incident — " : "") + top.event() + ": " + top.summary();
        }
        long incidents = alerts.stream().map(Alert::incidentId).distinct().count();
        return "[BorderWatch] " + (digest ? "digest, " : "") + incidents + (incidents == 1 ? " incident" : " incidents")
                + (incidents == alerts.size() ? "" : " (" + alerts.size() + " messages)")
                + " — most severe " + top.event() + ": " + top.summary();
    }

    /** Each incident's latest message (its highest sequence) in the notification, most severe first. */
    static List<Alert> currentMostSevereFirst(Notification n) {
        java.util.Map<java.util.UUID, Alert> latest = new java.util.LinkedHashMap<>();
        n.alerts().forEach(a -> latest.merge(a.incidentId(), a, (was, now) -> now.sequence() > was.sequence() ? now
                : was));
        List<Alert> sorted = new ArrayList<>(latest.values());
        sorted.sort(Comparator.comparing(Alert::severity).reversed());
        return sorted;
    }

    /** The messages, most severe first; equal severities keep their order (oldest first as grouped). */
    static List<Alert> mostSevereFirst(Notification n) {
        List<Alert> sorted = new ArrayList<>(n.alerts());
        sorted.sort(Comparator.comparing(Alert::severity).reversed());
        return sorted;
    }

    /** The words of a message that no longer matches the subscription's filter: why, then what follows. */
    static final String NO_LONGER_MATCHING = "No longer matches this subscription's filter: ";
    static final String LAST_WORD = ". This is the last message about this incident for this subscription unless it"
            + " matches again.";

    public static String text(Notification n) {
        StringBuilder b = new StringBuilder();
        for (Alert a : mostSevereFirst(n)) {
            b.append(a.event()).append(" — ").append(a.summary()).append('\n');
            b.append("Incident ").append(a.incidentId()).append(", alert ").append(a.alertId()).append(", message ")
                    .append(a.sequence()).append('\n');
            if (a.window() != null) {
                b.append("Event time ").append(a.window().from()).append(" to ").append(a.window().to()).append('\n');
            }
            if (a.review() != null) {
                b.append("Reviewed by ").append(a.review().reviewer()).append(": ").append(a.review().occurrence())
                        .append(a.review().note() == null ? "" : " — " + a.review().note()).append('\n');
            }
            String leaving = n.noLongerMatching(a);
            if (leaving != null) {
                b.append(NO_LONGER_MATCHING).append(leaving).append(LAST_WORD).append('\n');
            }
            a.rationale().forEach(r -> b.append("  • ").append(r).append('\n'));
            b.append('\n');
        }
        b.append("Delivery ").append(n.deliveryId()).append('\n');
        return b.toString();
    }

    public static String html(Notification n) {
        StringBuilder b = new StringBuilder("<html><body>");
        for (Alert a : mostSevereFirst(n)) {
            b.append("<h2>").append(esc(a.event().name())).append(": ").append(esc(a.summary())).append("</h2>");
            b.append("<p>Incident <code>").append(a.incidentId()).append("</code>, alert <code>").append(a.alertId())
                    .append("</code>, message ").append(a.sequence()).append("</p>");
            if (a.review() != null) {
                b.append("<p><strong>Reviewed by ").append(esc(a.review().reviewer())).append(": ")
                        .append(a.review().occurrence()).append("</strong> ")
                        .append(esc(a.review().note() == null ? "" : a.review().note())).append("</p>");
            }
            String leaving = n.noLongerMatching(a);
            if (leaving != null) {
                b.append("<p><strong>").append(esc(NO_LONGER_MATCHING + leaving)).append("</strong>")
                        .append(esc(LAST_WORD)).append("</p>");
            }
            b.append("<ul>");
            a.rationale().forEach(r -> b.append("<li>").append(esc(r)).append("</li>"));
            b.append("</ul>");
        }
        b.append("<p><small>Delivery ").append(esc(n.deliveryId())).append("</small></p></body></html>");
        return b.toString();
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
