package org.borderwatch.alert.delivery.email;

import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.text.PeopleText;
import org.borderwatch.common.model.Alert;
import org.borderwatch.common.model.Evidence;

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
            return "[BorderWatch] " + (digest ? "digest, 1 incident — " : "") + label(n, top) + changed(top) + ": "
                    + top.summary();
        }
        long incidents = alerts.stream().map(Alert::incidentId).distinct().count();
        return "[BorderWatch] " + (digest ? "digest, " : "") + incidents + (incidents == 1 ? " incident" : " incidents")
                + (incidents == alerts.size() ? "" : " (" + alerts.size() + " messages)")
                + " — most severe " + label(n, top) + changed(top) + ": " + top.summary();
    }

    /** What a message is in a subject or heading: its event, or WITHDRAWN for the close of a withdrawn incident. */
    static String label(Notification n, Alert a) {
        return n.withdrawal(a).isPresent() ? WITHDRAWN : a.event().name();
    }

    /** The word for the close of an incident the classifier withdrew (merged or dissolved) instead of RESOLVED. */
    static final String WITHDRAWN = "WITHDRAWN";

    /** In a subject, what an update changed: {@code  (occurrence DISPUTED -> REFUTED)}; empty for a first message. */
    static String changed(Alert a) {
        return a.changes().isEmpty() ? "" : " (" + String.join("; ", a.changes()) + ")";
    }

    /** How the body says what a message changed since the previous message of its alert. */
    static final String WHAT_CHANGED = "What changed: ";

    /** Each incident's latest message (its highest sequence) in the notification, most severe first. */
    static List<Alert> currentMostSevereFirst(Notification n) {
        return byIncident(n).stream().map(messages -> messages.get(0)).toList();
    }

    /**
     * The notification's messages by incident: each incident's messages newest first (highest sequence: its current
     * state), the same message once; the incidents most severe first by that current state, equal ones in the order
     * they first appear.
     */
    static List<List<Alert>> byIncident(Notification n) {
        java.util.Map<java.util.UUID, java.util.TreeMap<Long, Alert>> incidents = new java.util.LinkedHashMap<>();
        n.alerts().forEach(a -> incidents.computeIfAbsent(a.incidentId(), k -> new java.util.TreeMap<>())
                .putIfAbsent(a.sequence(), a));
        List<List<Alert>> out = new ArrayList<>();
        incidents.values().forEach(messages -> out.add(List.copyOf(messages.descendingMap().values())));
        out.sort(Comparator.comparing((List<Alert> messages) -> messages.get(0).severity()).reversed());
        return out;
    }

    /** The words of a message that no longer matches the subscription's filter: why, then what follows. */
    static final String NO_LONGER_MATCHING = "No longer matches this subscription's filter: ";
    static final String LAST_WORD = ". This is the last message about this incident for this subscription unless it"
            + " matches again.";

    /** How the body introduces the event window (see {@link PeopleText#window}). */
    static final String EVENT_TIME = "Event time ";
    /** How the body introduces the statements behind the verdict (the message's {@code evidence}). */
    static final String STATEMENTS = "Statements behind this verdict:";
    /** How the body introduces the link to the verdict and its history (the message's {@code verdictUrl}). */
    static final String VERDICT = "Verdict and its history: ";

    /** An earlier message of an incident whose current state the e-mail shows above it: one line. */
    static final String EARLIER = "Earlier in this e-mail: ";

    /**
     * Each incident once, most severe first: its current state (the latest message here) in full, then its earlier
     * messages of this e-mail one line each, newest first — a digest reads as where things stand, not as a replay.
     */
    public static String text(Notification n) {
        StringBuilder b = new StringBuilder();
        for (List<Alert> messages : byIncident(n)) {
            Alert a = messages.get(0);
            if (!a.changes().isEmpty()) {
                b.append(WHAT_CHANGED).append(String.join("; ", a.changes())).append('\n');
            }
            b.append(label(n, a)).append(" — ").append(a.summary()).append('\n');
            n.withdrawal(a).ifPresent(w -> b.append(w.sentence()).append('\n'));
            b.append("Incident ").append(a.incidentId()).append(", alert ").append(a.alertId()).append(", message ")
                    .append(a.sequence()).append('\n');
            if (a.window() != null) {
                b.append(EVENT_TIME).append(PeopleText.window(a.window())).append('\n');
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
            if (!a.evidence().isEmpty()) {
                b.append(STATEMENTS).append('\n');
                for (Evidence e : a.evidence()) {
                    b.append("  • ").append(PeopleText.statement(e));
                    if (e.url() != null) {
                        b.append(" — ").append(e.url());
                    }
                    b.append('\n');
                }
            }
            if (a.verdictUrl() != null) {
                b.append(VERDICT).append(a.verdictUrl()).append('\n');
            }
            for (Alert earlier : messages.subList(1, messages.size())) {
                b.append(EARLIER).append("message ").append(earlier.sequence()).append(' ').append(earlier.event())
                        .append(" — ").append(earlier.summary())
                        .append(earlier.changes().isEmpty() ? "" : " (changed: " + String.join("; ",
                                earlier.changes()) + ")").append('\n');
                String left = n.noLongerMatching(earlier);
                if (left != null) {
                    b.append("  ").append(NO_LONGER_MATCHING).append(left).append('\n');
                }
            }
            b.append('\n');
        }
        b.append("Delivery ").append(n.deliveryId()).append('\n');
        return b.toString();
    }

    public static String html(Notification n) {
        StringBuilder b = new StringBuilder("<html><body>");
        for (List<Alert> messages : byIncident(n)) {
            Alert a = messages.get(0);
            if (!a.changes().isEmpty()) {
                b.append("<p><strong>").append(esc(WHAT_CHANGED)).append("</strong>")
                        .append(esc(String.join("; ", a.changes()))).append("</p>");
            }
            b.append("<h2>").append(esc(label(n, a))).append(": ").append(esc(a.summary())).append("</h2>");
            n.withdrawal(a).ifPresent(w -> b.append("<p><strong>").append(esc(w.sentence())).append("</strong></p>"));
            b.append("<p>Incident <code>").append(a.incidentId()).append("</code>, alert <code>").append(a.alertId())
                    .append("</code>, message ").append(a.sequence()).append("</p>");
            if (a.window() != null) {
                b.append("<p>").append(esc(EVENT_TIME + PeopleText.window(a.window()))).append("</p>");
            }
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
            if (!a.evidence().isEmpty()) {
                b.append("<p>").append(esc(STATEMENTS)).append("</p><ul>");
                for (Evidence e : a.evidence()) {
                    b.append("<li>").append(esc(PeopleText.statement(e)));
                    if (e.url() != null) {
                        b.append(" — ").append(linkOrText(e.url(), e.url()));
                    }
                    b.append("</li>");
                }
                b.append("</ul>");
            }
            if (a.verdictUrl() != null) {
                b.append("<p>").append(esc(VERDICT)).append(linkOrText(a.verdictUrl(), a.verdictUrl()))
                        .append("</p>");
            }
            if (messages.size() > 1) {
                b.append("<p>").append(esc(EARLIER)).append("</p><ul>");
                for (Alert earlier : messages.subList(1, messages.size())) {
                    String left = n.noLongerMatching(earlier);
                    b.append("<li>message ").append(earlier.sequence()).append(' ').append(esc(earlier.event().name()))
                            .append(" — ").append(esc(earlier.summary()))
                            .append(earlier.changes().isEmpty() ? "" : " (changed: "
                                    + esc(String.join("; ", earlier.changes())) + ")")
                            .append(left == null ? "" : " (" + esc(NO_LONGER_MATCHING + left) + ")").append("</li>");
                }
                b.append("</ul>");
            }
        }
        b.append("<p><small>Delivery ").append(esc(n.deliveryId())).append("</small></p></body></html>");
        return b.toString();
    }

    static String esc(String s) {
        return PeopleText.html(s);
    }

    /** An http(s) address as a link showing {@code text}; anything else as escaped text, never a link. */
    static String linkOrText(String url, String text) {
        return PeopleText.link(url).map(u -> "<a href=\"" + esc(u) + "\">" + esc(text) + "</a>")
                .orElseGet(() -> esc(text));
    }
}
