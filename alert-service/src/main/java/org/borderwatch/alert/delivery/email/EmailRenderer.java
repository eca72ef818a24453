package org.borderwatch.alert.delivery.email;

import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.common.model.Alert;

/** The plain-text and HTML bodies of an alert e-mail. */
public final class EmailRenderer {

    private EmailRenderer() {
    }

    public static String subject(Notification n) {
        if (n.alerts().size() == 1) {
            Alert a = n.alerts().get(0);
            return "[BorderWatch] " + a.event() + ": " + a.summary();
        }
        return "[BorderWatch] " + n.alerts().size() + " alerts (" + n.mode().name().toLowerCase() + ")";
    }

    public static String text(Notification n) {
        StringBuilder b = new StringBuilder();
        for (Alert a : n.alerts()) {
            b.append(a.event()).append(" — ").append(a.summary()).append('\n');
            b.append("Incident ").append(a.incidentId()).append(", message ").append(a.sequence()).append('\n');
            if (a.window() != null) {
                b.append("Event time ").append(a.window().from()).append(" to ").append(a.window().to()).append('\n');
            }
            if (a.review() != null) {
                b.append("Reviewed by ").append(a.review().reviewer()).append(": ").append(a.review().occurrence())
                        .append(a.review().note() == null ? "" : " — " + a.review().note()).append('\n');
            }
            a.rationale().forEach(r -> b.append("  • ").append(r).append('\n'));
            b.append('\n');
        }
        b.append("Delivery ").append(n.deliveryId()).append('\n');
        return b.toString();
    }

    public static String html(Notification n) {
        StringBuilder b = new StringBuilder("<html><body>");
        for (Alert a : n.alerts()) {
            b.append("<h2>").append(esc(a.event().name())).append(": ").append(esc(a.summary())).append("</h2>");
            b.append("<p>Incident <code>").append(a.incidentId()).append("</code>, message ").append(a.sequence())
                    .append("</p>");
            if (a.review() != null) {
                b.append("<p><strong>Reviewed by ").append(esc(a.review().reviewer())).append(": ")
                        .append(a.review().occurrence()).append("</strong> ")
                        .append(esc(a.review().note() == null ? "" : a.review().note())).append("</p>");
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
