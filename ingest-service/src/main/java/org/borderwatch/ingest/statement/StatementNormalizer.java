package org.borderwatch.ingest.statement;

import org.borderwatch.common.Uuids;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Source;
import org.borderwatch.ingest.pipeline.ContentHash;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.RejectedInputException;
import org.borderwatch.ingest.pipeline.ReportNormalizer;
import org.borderwatch.ingest.pipeline.Violation;
import org.borderwatch.ingest.source.SourceRegistry;
import org.borderwatch.ingest.text.Confusables;
import tools.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The {@code statement} format: {@code {sourceRef, source, publishedAt, language, text, url}} → a report. */
public final class StatementNormalizer implements ReportNormalizer {

    private final SourceRegistry sources;
    private final StatementExtractor extractor;
    private final ZoneOffset zone;
    private final RuleLimits limits;

    public StatementNormalizer(SourceRegistry sources, StatementExtractor extractor, ZoneOffset zone) {
        this(sources, extractor, zone, RuleLimits.DEFAULTS);
    }

    public StatementNormalizer(SourceRegistry sources, StatementExtractor extractor, ZoneOffset zone,
                               RuleLimits limits) {
        this.sources = sources;
        this.extractor = extractor;
        this.zone = zone;
        this.limits = limits;
    }

    @Override
    public InputFormat format() {
        return InputFormat.STATEMENT;
    }

    /** Reads and checks the fields of a statement, naming every bad one. */
    public RawStatement parse(byte[] record) {
        JsonNode node;
        try {
            node = Json.tree(record);
        } catch (JsonReadException e) {
            throw new RejectedInputException(RejectReason.MALFORMED, e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new RejectedInputException(RejectReason.SCHEMA_VIOLATION, "$: a statement must be a JSON object",
                    List.of(new Violation("$", "must be a JSON object")));
        }
        List<Violation> bad = new ArrayList<>();
        String sourceRef = optionalString(node, "sourceRef", 300, bad);
        String source = sourceName(node, bad);
        String published = optionalString(node, "publishedAt", 64, bad);
        String language = optionalString(node, "language", 20, bad);
        String text = optionalString(node, "text", Integer.MAX_VALUE, bad);
        // a url too long for the contract is dropped with a warning like any unusable link (PartnerText)
        String url = optionalString(node, "url", Integer.MAX_VALUE, bad);
        OffsetDateTime publishedAt = null;
        if (published == null) {
            if (bad.stream().noneMatch(v -> v.field().equals("$.publishedAt"))) {
                bad.add(new Violation("$.publishedAt", "is required"));
            }
        } else {
            publishedAt = dateTime(published, bad);
        }
        if (text == null && bad.stream().noneMatch(v -> v.field().equals("$.text"))) {
            bad.add(new Violation("$.text", "is required"));
        }
        if (!bad.isEmpty()) {
            throw RejectedInputException.violations(bad);
        }
        if (publishedAt.getYear() < MIN_YEAR || publishedAt.getYear() > MAX_YEAR) {
            // "+999999999-12-31T23:59:59Z" parses, but the date rules would overflow the calendar on it
            throw new RejectedInputException(RejectReason.TIME_OUT_OF_RANGE, "publishedAt " + published.strip()
                    + " is outside the years " + MIN_YEAR + "-" + MAX_YEAR,
                    List.of(new Violation("$.publishedAt", "must be within the years " + MIN_YEAR + "-" + MAX_YEAR)));
        }
        if (text.isBlank()) {
            throw new RejectedInputException(RejectReason.EMPTY_TEXT, "$.text is empty",
                    List.of(new Violation("$.text", "is empty")));
        }
        return new RawStatement(sourceRef == null || sourceRef.isBlank() ? null : sourceRef.strip(), source,
                publishedAt, language, text, url);
    }

    @Override
    public IncidentReport normalize(byte[] record, OffsetDateTime receivedAt) {
        return normalizeAll(record, receivedAt).get(0);
    }

    /**
     * The statement's report, and for a party's denial that also accuses the other side ("… is false. On the contrary,
     * Armenian units fired at our positions …") a second report: that counter-accusation as a {@code CLAIM}, with
     * {@code sourceRef} = the statement's + {@value #COUNTER_SUFFIX} (so its id is as deterministic as the first's).
     */
    @Override
    public List<IncidentReport> normalizeAll(byte[] record, OffsetDateTime receivedAt) {
        RawStatement statement = parse(record);
        Source source = sources.resolve(statement.source());
        RawStatement forRules = forRules(statement);
        Extraction x = extractor.extract(forRules, source);
        String ref = statement.sourceRef() != null ? statement.sourceRef()
                : ContentHash.sha256(source.id(), statement.publishedAt().toInstant().toString(), statement.text());
        Extraction counter = extractor.counterClaim(forRules, source, x);
        if (counter == null) {
            List<Extraction> split = extractor.confirmationAndRefutation(forRules, source, x);
            if (split != null) { // an observer's confirmation here and "observed no shooting" near another village
                return List.of(report(statement, source, split.get(0), ref, statement.sourceRef(), receivedAt),
                        report(statement, source, split.get(1), ref + REFUTATION_SUFFIX,
                                statement.sourceRef() == null ? null : statement.sourceRef() + REFUTATION_SUFFIX,
                                receivedAt));
            }
            return List.of(report(statement, source, x, ref, statement.sourceRef(), receivedAt));
        }
        // the denial is read without the counter-accusation, whose facts are only the counter-claim's
        x = extractor.denialWithoutCounterClaim(forRules, source, x);
        Extraction own = extractor.counterClaim(forRules, source, x); // a place or time it lacks: the denial's own
        counter = own != null ? own : counter;
        IncidentReport main = report(statement, source, x, ref, statement.sourceRef(), receivedAt);
        return List.of(main, report(statement, source, counter, ref + COUNTER_SUFFIX,
                statement.sourceRef() == null ? null : statement.sourceRef() + COUNTER_SUFFIX, receivedAt));
    }

    /**
     * The statement as the rules read it: its text cut to {@link RuleLimits#maxTextChars()} at a sentence end, and
     * runs of more than {@link RuleLimits#maxMarkRun()} combining marks shortened to that many, and words written with
     * look-alike letters of another script folded to the script they otherwise are ("Sоtk" with a Cyrillic о is Sotk,
     * for the gazetteer and for every rule: {@link Confusables}), and a dash joining two letters read as the hyphen
     * ("the Lachin–Khankendi road" with an en dash is "Lachin-Khankendi", one word for every rule). The report keeps
     * the text as sent.
     */
    RawStatement forRules(RawStatement statement) {
        String text = statement.text();
        int max = limits.maxTextChars();
        String read = hyphenateJoiningDashes(Confusables.foldText(capMarkRuns(text.length() <= max ? text
                : cut(text, max), limits.maxMarkRun())));
        if (read.equals(text)) {
            return statement;
        }
        return new RawStatement(statement.sourceRef(), statement.source(), statement.publishedAt(),
                statement.language(), read, statement.url());
    }

    /**
     * The text with a hyphen (U+2010), non-breaking hyphen (U+2011), figure dash (U+2012) or en dash (U+2013) between
     * two letters, with no space, replaced by the ASCII hyphen, so that a compound written with a typographic dash
     * ("Lachin–Khankendi") is one word as with a hyphen; dashes between digits ("12–13 September") or spaced ones
     * ("fire – small arms") stay. The same length, so every offset stays (the same string when there is none).
     */
    static String hyphenateJoiningDashes(String text) {
        char[] chars = null;
        for (int i = 1; i < text.length() - 1; i++) {
            char c = text.charAt(i);
            if (c >= '\u2010' && c <= '\u2013' && Character.isLetter(text.codePointBefore(i))
                    && Character.isLetter(text.codePointAt(i + 1))) {
                if (chars == null) {
                    chars = text.toCharArray();
                }
                chars[i] = '-';
            }
        }
        return chars == null ? text : new String(chars);
    }

    /** The text with every run of combining marks cut to {@code maxRun} (the same string when none is longer). */
    static String capMarkRuns(String text, int maxRun) {
        StringBuilder b = null;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i); // marks beyond the BMP too (variation selectors U+E0100…)
            int next = i + Character.charCount(c);
            run = Character.getType(c) == Character.NON_SPACING_MARK ? run + 1 : 0;
            if (run > maxRun) {
                if (b == null) {
                    b = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (b != null) {
                b.append(text, i, next);
            }
            i = next;
        }
        return b == null ? text : b.toString();
    }

    /** The text up to the last sentence end (else the last space) before {@code max}, never splitting a pair. */
    static String cut(String text, int max) {
        int end = max;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        int space = -1;
        for (int i = end - 1; i > max / 2; i--) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                if (".!?։;".indexOf(text.charAt(i - 1)) >= 0) {
                    return text.substring(0, i);
                }
                space = space < 0 ? i : space;
            }
        }
        return text.substring(0, space > 0 ? space : end);
    }

    /** The years a publication date may have (the pipeline's own time limits are narrower). */
    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;

    /** Appended to a statement's sourceRef for the report of its counter-accusation. */
    public static final String COUNTER_SUFFIX = "#counter-claim";

    /** Appended to an observer's statement's sourceRef for the report of what it says it did not see elsewhere. */
    public static final String REFUTATION_SUFFIX = "#refutation";

    private static IncidentReport report(RawStatement statement, Source source, Extraction x, String ref,
                                         String sourceRef, OffsetDateTime receivedAt) {
        return IncidentReport.builder()
                .reportId(Uuids.reportId(source.id(), ref))
                .sourceRef(sourceRef)
                .source(source)
                .stance(x.stance())
                .actingParty(x.actingParty())
                .eventTypes(x.eventTypes())
                .location(x.location())
                .occurredAt(x.occurredAt())
                .occurredUntil(x.occurredUntil())
                .timePrecision(x.timePrecision())
                .publishedAt(statement.publishedAt())
                .receivedAt(receivedAt)
                .casualties(x.casualties())
                .answers(x.answers())
                .coverage(x.coverage())
                .retaliation(x.retaliation())
                .text(statement.text())
                .language(statement.language())
                .url(statement.url())
                .build();
    }

    private static String optionalString(JsonNode node, String field, int maxLength, List<Violation> bad) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            bad.add(new Violation("$." + field, "must be a string"));
            return null;
        }
        String s = v.asString();
        if (s.length() > maxLength) {
            bad.add(new Violation("$." + field, "is longer than " + maxLength + " characters"));
            return null;
        }
        return s;
    }

    /** {@code source} is a name (or id), or an object with {@code name} or {@code id}. */
    private static String sourceName(JsonNode node, List<Violation> bad) {
        JsonNode v = node.get("source");
        String name = null;
        if (v != null && v.isString()) {
            name = v.asString();
        } else if (v != null && v.isObject()) {
            name = v.path("name").isString() ? v.path("name").asString()
                    : v.path("id").isString() ? v.path("id").asString() : null;
        } else if (v != null && !v.isNull()) {
            bad.add(new Violation("$.source", "must be a string (the publisher's name)"));
            return null;
        }
        if (name == null || name.isBlank()) {
            bad.add(new Violation("$.source", "is required"));
            return null;
        }
        if (name.length() > 300) {
            bad.add(new Violation("$.source", "is longer than 300 characters"));
            return null;
        }
        return name;
    }

    private OffsetDateTime dateTime(String s, List<Violation> bad) {
        try {
            return OffsetDateTime.parse(s.strip());
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s.strip()).atOffset(zone);
            } catch (DateTimeParseException e2) {
                bad.add(new Violation("$.publishedAt", "must be an ISO-8601 date and time, e.g. "
                        + "2025-03-16T10:20:00+04:00 (got '" + s + "')"));
                return null;
            }
        }
    }
}
