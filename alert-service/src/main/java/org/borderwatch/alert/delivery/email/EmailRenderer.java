package org.borderwatch.alert.delivery.email;

import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.common.model.Alert;

/** The plain-text and HTML bodies of an alert e-mail. */
public final class EmailRenderer {

    private EmailRenderer() {
    }

    /** A digest always says so, even with one alert, so it never reads like an immediate alert arriving late. */
    public static String subject(Notification n) {
        boolean digest = n.mode() == org.borderwatch.alert.routing.DeliveryMode.DIGEST;
        if (n.alerts().size() == 1) {
            Alert a = n.alerts().get(0);
            return "[BorderWatch] " + (digest ? "digest, 1 alert — " : "") + a.event() + ": " + a.summary();
        }
        return "[BorderWatch] " + (digest ? "digest, " : "") + n.alerts().size() + " alerts";
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
