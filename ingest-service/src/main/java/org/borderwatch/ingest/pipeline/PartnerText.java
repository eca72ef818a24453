package org.borderwatch.ingest.pipeline;

import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a partner writes that downstream renders verbatim — rationale sentences, CAP descriptions, e-mail, links — is
 * held to what it may contain, in every format and on every path (HTTP, raw topics, the offline command):
 * <ul>
 *   <li>{@code url}: an absolute {@code http}/{@code https} URL with a host, without user information and at most
 *       {@value #MAX_URL} characters; anything else ({@code javascript:}, {@code ftp:}, a relative path) is refused as
 *       SCHEMA_VIOLATION naming {@code $.url} in a canonical report, and dropped from a statement's report with a
 *       warning naming {@code $.url} (the statement's text is worth more than its link; nothing but an http(s) link
 *       is ever published);</li>
 *   <li>{@code sourceRef} and the source's display name: no C0/C1 control characters (line breaks and tabs
 *       included), no line or paragraph separators and no bidirectional formatting characters (overrides,
 *       embeddings, isolates, LRM/RLM/ALM) — refused, naming the field and the character: the reference is part of
 *       the report id and the name is shown as who spoke, so neither is rewritten; the display name is at most
 *       {@value #MAX_SOURCE_NAME} characters;</li>
 *   <li>place text ({@code location.text}, {@code location.settlement}): normalised — each such character becomes a
 *       space (bidi controls are dropped), runs of white space one space — because it quotes texts in which a line
 *       break is ordinary (a statement's own wording, an ACLED cell), and refusing a report over it would lose it.</li>
 * </ul>
 */
public final class PartnerText {

    /** A URI scheme (RFC 3986) and its colon at the start. */
    private static final java.util.regex.Pattern SCHEME = java.util.regex.Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

    /** The longest display name of a source. */
    public static final int MAX_SOURCE_NAME = 200;

    /** The longest {@code url}: the contract's {@code maxLength} for it (common's schemas). */
    public static final int MAX_URL = 2000;

    /** What a statement's dropped {@code url} warning adds to the reason it was unusable. */
    static final String DROPPED = " (dropped: the statement is kept without it)";

    private PartnerText() {
    }

    /**
     * The report with its place text normalised; throws SCHEMA_VIOLATION naming each refused field. A statement's
     * unusable {@code url} is not refused: the report comes back without it and {@code warnings} gets a
     * {@code $.url} entry saying why.
     */
    public static IncidentReport check(IncidentReport report, InputFormat format, List<Violation> warnings) {
        List<Violation> bad = new ArrayList<>();
        if (report.url() != null) {
            String problem = urlProblem(report.url());
            if (problem != null && format == InputFormat.STATEMENT) {
                Violation dropped = new Violation("$.url", problem + DROPPED);
                if (!warnings.contains(dropped)) { // a statement's second report carries the same url
                    warnings.add(dropped);
                }
                report = withoutUrl(report);
            } else if (problem != null) {
                bad.add(new Violation("$.url", problem));
            }
        }
        String refProblem = forbiddenCharacter(report.sourceRef());
        if (refProblem != null) {
            bad.add(new Violation(format == InputFormat.ACLED ? "event_id_cnty" : "$.sourceRef", refProblem));
        }
        Source source = report.source();
        if (source != null && source.name() != null) {
            String field = switch (format) {
                case CANONICAL -> "$.source.name";
                case STATEMENT -> "$.source";
                case ACLED -> "source";
            };
            String nameProblem = forbiddenCharacter(source.name());
            if (nameProblem != null) {
                bad.add(new Violation(field, nameProblem));
            }
            if (source.name().length() > MAX_SOURCE_NAME) {
                bad.add(new Violation(field, "is longer than " + MAX_SOURCE_NAME + " characters"));
            }
        }
        if (!bad.isEmpty()) {
            throw RejectedInputException.violations(bad);
        }
        Location where = report.location();
        if (where == null) {
            return report;
        }
        String text = normalizePlace(where.text());
        String settlement = normalizePlace(where.settlement());
        if (same(text, where.text()) && same(settlement, where.settlement())) {
            return report;
        }
        Location cleaned = new Location(where.segments(), where.ambiguous(), settlement, text, where.lat(), where.lon());
        return new IncidentReport(report.schemaVersion(), report.reportId(), report.sourceRef(), report.revision(),
                report.source(), report.stance(), report.actingParty(), report.eventTypes(), cleaned,
                report.occurredAt(), report.occurredUntil(), report.timePrecision(), report.publishedAt(),
                report.receivedAt(), report.casualties(), report.answers(), report.coverage(), report.retaliation(),
                report.text(), report.language(), report.url());
    }

    private static IncidentReport withoutUrl(IncidentReport r) {
        return new IncidentReport(r.schemaVersion(), r.reportId(), r.sourceRef(), r.revision(), r.source(), r.stance(),
                r.actingParty(), r.eventTypes(), r.location(), r.occurredAt(), r.occurredUntil(), r.timePrecision(),
                r.publishedAt(), r.receivedAt(), r.casualties(), r.answers(), r.coverage(), r.retaliation(), r.text(),
                r.language(), null);
    }

    /** Why {@code url} is not an acceptable link, or null when it is. */
    static String urlProblem(String url) {
        if (url.length() > MAX_URL) {
            return "is longer than " + MAX_URL + " characters";
        }
        String character = forbiddenCharacter(url);
        if (character != null) {
            return "must be an absolute http or https URL; it " + character;
        }
        java.util.regex.Matcher scheme = SCHEME.matcher(url);
        if (!scheme.find()) {
            return "must be an absolute http or https URL, not a relative one";
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        if (!(name.equals("http") || name.equals("https"))) {
            return "must be an absolute http or https URL, not " + quoted(name) + ":";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return "must be an absolute http or https URL (not a valid URI: " + e.getReason() + ")";
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isBlank()) {
            return "must be an absolute http or https URL with a host";
        }
        if (authority.contains("@")) {
            return "must not carry user information (user@host): the host after it is where it leads";
        }
        return null;
    }

    /** "contains a control character (U+000A)" for the first character a name or reference may not hold, or null. */
    static String forbiddenCharacter(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String kind = kind(c);
            if (kind != null) {
                return "contains " + kind + " (U+" + String.format(Locale.ROOT, "%04X", (int) c) + ")";
            }
        }
        return null;
    }

    /** What kind of forbidden character {@code c} is, or null for an ordinary one. */
    static String kind(char c) {
        if (c < 0x20 || c >= 0x7F && c <= 0x9F) {
            return "a control character";
        }
        if (c == '\u2028' || c == '\u2029') {
            return "a line or paragraph separator";
        }
        if (isBidiControl(c)) {
            return "a bidirectional formatting character";
        }
        return null;
    }

    static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F' || c >= '\u202A' && c <= '\u202E'
                || c >= '\u2066' && c <= '\u2069';
    }

    /**
     * Place text without controls, separators or bidi characters, white space around them collapsed to one space;
     * null when nothing is left. Text without any of them is returned as it is.
     */
    static String normalizePlace(String s) {
        if (s == null || forbiddenCharacter(s) == null) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isBidiControl(c)) {
                continue;
            }
            if (kind(c) != null || Character.isWhitespace(c)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            b.append(c);
        }
        return b.isEmpty() ? null : b.toString();
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String quoted(String scheme) {
        return "'" + (scheme.length() > 40 ? scheme.substring(0, 40) + "…" : scheme) + "'";
    }
}
