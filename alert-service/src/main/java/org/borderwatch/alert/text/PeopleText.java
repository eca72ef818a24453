package org.borderwatch.alert.text;

import org.borderwatch.common.model.Evidence;
import org.borderwatch.common.model.TimeWindow;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * How text for people (e-mail, CAP description and resources) writes times, statements and links, so that every
 * channel says them alike (review finding C17).
 * <ul>
 *   <li>Times for people are the border's local time, UTC+04:00 (Armenia and Azerbaijan alike, no daylight
 *       saving), to the minute, written {@code 2026-11-19 06:40 +04:00} — the way the classifier's rationale
 *       writes them, so a time in the rationale and the same time in the message look the same.</li>
 *   <li>An event window that is one instant is written once; a window within one day is written
 *       {@code 2026-11-19 06:40 to 07:10 +04:00}.</li>
 *   <li>A statement's address becomes a link only when it is an absolute http or https URL; anything else
 *       ({@code javascript:}, {@code data:}, text with quotes or spaces) is shown as text.</li>
 * </ul>
 */
public final class PeopleText {

    /** The zone of every time written for people. */
    public static final ZoneOffset ZONE = ZoneOffset.ofHours(4);

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private PeopleText() {
    }

    /** {@code 2026-11-19 06:40 +04:00}: the instant in the border's local time, to the minute. */
    public static String time(OffsetDateTime t) {
        if (t == null) {
            return "";
        }
        return DAY_TIME.format(t.withOffsetSameInstant(ZONE)) + " " + offset();
    }

    /**
     * The event window: one time when it is one instant (or within the same minute), {@code from to HH:mm} within one
     * day, else both times in full.
     */
    public static String window(TimeWindow w) {
        if (w == null) {
            return "";
        }
        OffsetDateTime from = w.from().withOffsetSameInstant(ZONE);
        OffsetDateTime to = w.to().withOffsetSameInstant(ZONE);
        String fromText = DAY_TIME.format(from);
        String toText = DAY_TIME.format(to);
        if (fromText.equals(toText)) {
            return fromText + " " + offset();
        }
        if (from.toLocalDate().equals(to.toLocalDate())) {
            return fromText + " to " + TIME.format(to) + " " + offset();
        }
        return fromText + " to " + toText + " " + offset();
    }

    private static String offset() {
        return ZONE.getId();
    }

    /** Who published a statement: its name and id, {@code AZ MoD (az-mod)}, or the id when it has no name. */
    public static String source(Evidence e) {
        String name = e.source().name();
        return name == null || name.isBlank() || name.equals(e.source().id()) ? e.source().id()
                : name + " (" + e.source().id() + ")";
    }

    /** One statement on one line, without its address: {@code AZ MoD (az-mod): CLAIM, published 2026-… +04:00}. */
    public static String statement(Evidence e) {
        return source(e) + ": " + e.stance() + ", published " + time(e.publishedAt());
    }

    /**
     * The address as a link target, when it may be one: an absolute http or https URL with a host, nothing that
     * needs quoting (no spaces, quotes, angle brackets or control characters — {@link URI} refuses them). Empty
     * otherwise, e.g. for {@code javascript:alert(1)} or {@code https://x.example/"onmouseover=...}.
     */
    public static Optional<String> link(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        String u = url.strip();
        if (u.chars().anyMatch(c -> c <= 0x20 || c == 0x7f || c == '"' || c == '\'' || c == '<' || c == '>'
                || c == '`' || c == '\\')) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(u);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.isOpaque()) {
                return Optional.of(u);
            }
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** Text for HTML content and attribute values: {@code & < > " '} escaped. */
    public static String html(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
