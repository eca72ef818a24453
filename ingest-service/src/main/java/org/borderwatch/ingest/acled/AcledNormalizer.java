package org.borderwatch.ingest.acled;

import org.borderwatch.common.Uuids;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Casualties;
import org.borderwatch.common.model.EventType;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.model.Location;
import org.borderwatch.common.model.Party;
import org.borderwatch.common.model.Source;
import org.borderwatch.common.model.SourceKind;
import org.borderwatch.common.model.Stance;
import org.borderwatch.common.model.TimePrecision;
import org.borderwatch.ingest.gazetteer.Gazetteer;
import org.borderwatch.ingest.gazetteer.PlaceResolution;
import org.borderwatch.ingest.pipeline.ContentHash;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.RejectedInputException;
import org.borderwatch.ingest.pipeline.ReportNormalizer;
import org.borderwatch.ingest.pipeline.Violation;
import org.borderwatch.ingest.source.SourceRegistry;
import org.borderwatch.ingest.statement.RawStatement;
import org.borderwatch.ingest.statement.StatementExtractor;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code acled} format: one ACLED CSV row (header + row, see {@link AcledCsv}) or one JSON object with the
 * codebook's field names (as ACLED's API returns records) → a report of source kind
 * {@code DATASET} and stance {@code CLAIM} (curated event data says an event happened; it is never an independent
 * confirmation). The place comes from the gazetteer applied to location, admin3, admin2, admin1 in that order; the
 * time precision code 1 is that day, 2 the week around it, 3 the whole month.
 */
public final class AcledNormalizer implements ReportNormalizer {

    private static final CsvMapper CSV = CsvMapper.shared();
    private static final CsvSchema WITH_HEADER = CsvSchema.emptySchema().withHeader();
    private static final Pattern RETALIATION = Pattern.compile("retaliat|revenge|response measures",
            Pattern.CASE_INSENSITIVE);
    /** Sub-event types whose notes tell no act of {@code actor1}'s own (see {@link #eventType}). */
    private static final Pattern NOTES_NOT_READ = Pattern.compile("disrupted|agreement|non-violent|peaceful");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final Gazetteer gazetteer;
    private final StatementExtractor notesReader;
    private final Source source;
    private final ZoneOffset zone;

    public AcledNormalizer(Gazetteer gazetteer, SourceRegistry sources, ZoneOffset zone) {
        this.gazetteer = gazetteer;
        this.notesReader = new StatementExtractor(gazetteer, zone);
        this.source = sources.byId("acled").map(s -> s.toSource())
                .orElse(new Source("acled", "ACLED", SourceKind.DATASET, Party.INTL));
        this.zone = zone;
    }

    @Override
    public InputFormat format() {
        return InputFormat.ACLED;
    }

    @Override
    public IncidentReport normalize(byte[] record, OffsetDateTime receivedAt) {
        Map<String, String> row = read(record);
        List<Violation> bad = new ArrayList<>();
        String id = value(row, "event_id_cnty");
        LocalDate date = null;
        String dateText = value(row, "event_date");
        if (dateText == null) {
            bad.add(new Violation("event_date", "is required"));
        } else {
            date = date(dateText);
            if (date == null) {
                bad.add(new Violation("event_date", "must be a date like 2025-03-16 or 16 March 2025"));
            }
        }
        if (value(row, "event_type") == null) {
            bad.add(new Violation("event_type", "is required"));
        }
        Integer precisionCode = integer(row, "time_precision", bad);
        Integer fatalities = integer(row, "fatalities", bad);
        Double lat = decimal(row, "latitude", -90, 90, bad);
        Double lon = decimal(row, "longitude", -180, 180, bad);
        Long timestamp = epochSeconds(row, bad);
        if (fatalities != null && fatalities < 0) {
            bad.add(new Violation("fatalities", "must not be negative"));
        }
        if (!bad.isEmpty()) {
            throw RejectedInputException.violations(bad);
        }

        int code = precisionCode == null ? 1 : precisionCode;
        LocalDate first = switch (code) {
            case 2 -> date.minusDays(3);
            case 3 -> date.withDayOfMonth(1);
            default -> date;
        };
        LocalDate last = switch (code) {
            case 2 -> date.plusDays(3);
            case 3 -> date.withDayOfMonth(date.lengthOfMonth());
            default -> date;
        };
        OffsetDateTime publishedAt = timestamp != null
                ? Instant.ofEpochSecond(timestamp).atOffset(zone)
                : last.atTime(END_OF_DAY).atOffset(zone);

        String notes = value(row, "notes");
        String ref = id != null ? id : ContentHash.sha256(new String(record, java.nio.charset.StandardCharsets.UTF_8));
        return IncidentReport.builder()
                .reportId(Uuids.reportId(source.id(), ref))
                .sourceRef(id)
                .source(source)
                .stance(Stance.CLAIM)
                .actingParty(party(value(row, "actor1")))
                .eventTypes(eventType(value(row, "event_type"), value(row, "sub_event_type"), notes))
                .location(location(row, lat, lon, notes == null ? null
                        : new RawStatement(id, source.name(), publishedAt, "en", notes, null)))
                .occurredAt(first.atStartOfDay().atOffset(zone))
                .occurredUntil(last.atTime(END_OF_DAY).atOffset(zone))
                .timePrecision(TimePrecision.DAY)
                .publishedAt(publishedAt)
                .receivedAt(receivedAt)
                .casualties(fatalities == null ? null : new Casualties(fatalities, null, whoseDead(fatalities, notes)))
                .retaliation(notes != null && RETALIATION.matcher(notes).find())
                .text(notes)
                .language("en")
                .build();
    }

    /** A record's fields by codebook name: a CSV header and row, or a JSON object (ACLED's API). */
    static Map<String, String> read(byte[] record) {
        String start = new String(record, 0, Math.min(record.length, 64), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        return start.startsWith("{") || start.startsWith("[") ? readJson(record) : readCsv(record);
    }

    /**
     * A JSON record as ACLED's API returns it: the codebook's field names, values as strings or numbers (both are
     * read as the text a CSV cell would have); null is an empty cell. Anything else in a field is named.
     */
    private static Map<String, String> readJson(byte[] record) {
        JsonNode tree;
        try {
            tree = Json.tree(record);
        } catch (JsonReadException e) {
            throw new RejectedInputException(RejectReason.MALFORMED, e.getMessage());
        }
        if (!tree.isObject()) {
            throw new RejectedInputException(RejectReason.MALFORMED, "an ACLED record must be a JSON object with the "
                    + "codebook's field names, or a CSV row");
        }
        Map<String, String> row = new LinkedHashMap<>();
        List<Violation> bad = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : tree.properties()) {
            JsonNode v = field.getValue();
            if (v.isString()) {
                row.put(field.getKey(), v.asString());
            } else if (v.isNumber()) {
                row.put(field.getKey(), v.isIntegralNumber() ? v.bigIntegerValue().toString()
                        : v.decimalValue().toPlainString());
            } else if (v.isBoolean()) {
                row.put(field.getKey(), Boolean.toString(v.booleanValue()));
            } else if (!v.isNull()) {
                bad.add(new Violation("$." + field.getKey(), "must be a string or a number"));
            }
        }
        if (!bad.isEmpty()) {
            throw RejectedInputException.violations(bad);
        }
        return row;
    }

    private static Map<String, String> readCsv(byte[] record) {
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(WITH_HEADER)
                .readValues(record)) {
            if (!it.hasNextValue()) {
                throw new RejectedInputException(RejectReason.MALFORMED, "no data row");
            }
            return it.nextValue();
        } catch (JacksonException e) {
            throw new RejectedInputException(RejectReason.MALFORMED, "not a CSV row: " + e.getOriginalMessage());
        }
    }

    /**
     * The row's place. {@code text} keeps the partner's names (location, admin1); {@code settlement} is, as for a
     * statement, a town or village the gazetteer resolved — its gazetteer name — and absent when the row's
     * {@code location} is unknown to the gazetteer or no town or village (then the segments come from an admin
     * column, and a settlement there would make a reader believe the village was located). The coordinates are the
     * row's own.
     * <p>
     * When the columns place the row only ambiguously — between the segments of a province or of "Nakhchivan" — the
     * places the notes name decide, as they would in a statement ("in the areas of Goris, Kapan and Meghri (Syunik)"
     * is both Syunik segments, a front; "from positions in the Yeghegnadzor direction" is Vayots Dzor west), but
     * only when they are precise themselves and among the columns' candidates: a place the notes mention in passing
     * never moves a row out of the province its columns name. A row the columns do not place at all stays
     * unresolved: its notes may name a border place only as a topic ("rallied in Yerevan against the delimitation
     * in Tavush").
     */
    private Location location(Map<String, String> row, Double lat, Double lon, RawStatement notes) {
        String text = null;
        PlaceResolution where = PlaceResolution.NONE;
        String resolvedBy = null;
        for (String column : List.of("location", "admin3", "admin2", "admin1")) {
            String v = value(row, column);
            if (v == null) {
                continue;
            }
            if (text == null) {
                text = v;
            }
            PlaceResolution r = gazetteer.resolve(v);
            if (r.resolved()) {
                where = r;
                resolvedBy = column;
                break;
            }
        }
        String settlement = "location".equals(resolvedBy) && where.settlement() != null
                ? where.settlement().name() : null;
        String admin1 = value(row, "admin1");
        String description = text == null ? admin1 : admin1 == null || admin1.equals(text) ? text : text + ", " + admin1;
        List<BorderSegment> segments = where.segments();
        boolean ambiguous = where.ambiguous();
        if (ambiguous && notes != null) {
            Location named = notesReader.extract(notes, source).location();
            if (preciseWithin(named, where)) {
                segments = named.segments();
                ambiguous = false;
            }
        }
        return new Location(segments, ambiguous, settlement, description, lat, lon);
    }

    /** Whether the notes' place is resolved, not ambiguous and among the candidates the columns give. */
    private static boolean preciseWithin(Location notes, PlaceResolution columns) {
        return notes != null && !notes.ambiguous() && !notes.segments().isEmpty()
                && !notes.segments().contains(BorderSegment.UNRESOLVED)
                && columns.segments().containsAll(notes.segments());
    }

    /**
     * Whose the row's dead are: ACLED's {@code fatalities} gives no side, its notes often do ("killing the Armenian
     * driver", "One Azerbaijani serviceman was killed"). The statement rules' reading of the notes names the side
     * only where their words name it ({@link StatementExtractor#casualtiesNamedIn}): ACLED's {@code actor1} is no
     * speaker whose own losses a figure would be, and its fatalities may be the attacker's ("the Azerbaijani MoD
     * said 2 of its servicemen were killed" under an Azerbaijani {@code actor1}), so no side is inferred. No deaths
     * in the notes, or deaths without a side: none.
     */
    private static Party whoseDead(int fatalities, String notes) {
        if (fatalities == 0 || notes == null) {
            return null;
        }
        Casualties told = StatementExtractor.casualtiesNamedIn(notes);
        return told == null || told.killedOrZero() == 0 ? null : told.party();
    }

    /**
     * The side of {@code actor1}: a state actor of Armenia or Azerbaijan ("Military Forces of Azerbaijan (2003-)",
     * "Government of Armenia (2018-)"). ACLED names a non-state actor by the country it is active in, in parentheses
     * ("Protesters (Armenia)", "Unidentified Armed Group (Azerbaijan)"): that is a place, not a side, so it names none.
     */
    static Party party(String actor) {
        if (actor == null) {
            return null;
        }
        String a = PARENTHESES.matcher(actor.toLowerCase(Locale.ROOT)).replaceAll(" ");
        if (a.contains("azerbaijan")) {
            return Party.AZ;
        }
        if (a.contains("armenia")) {
            return Party.AM;
        }
        return null;
    }

    /**
     * The row's event types: the sub-event type's kind of act when it names one (armed clash, shelling, strike, mine,
     * arrest …); otherwise — "Attack", "Looting/property destruction", "Other", "Headquarters or base established" —
     * what the statement rules read in {@code notes} ({@link StatementExtractor#eventTypesOf}: "fired at a farmer" is
     * small arms, "exercises with artillery" a build-up), and only when they name no act the fallback from the
     * sub-event or event type. The notes are not read for a disrupted weapons use (the act disrupted is the other
     * side's, while {@code actor1} is the side that disrupted it), for protests or for non-violent developments
     * (agreements, peaceful transfers of territory). The row stays a claim by {@code actor1} whatever the notes quote
     * ("Azerbaijan said its troops were on its side"): they only name the kind of act.
     */
    static List<EventType> eventType(String eventType, String subEventType, String notes) {
        String sub = subEventType == null ? "" : subEventType.toLowerCase(Locale.ROOT);
        String type = eventType == null ? "" : eventType.toLowerCase(Locale.ROOT);
        List<EventType> named = namedBySubEvent(sub);
        if (named != null) {
            return named;
        }
        if (notes != null && !NOTES_NOT_READ.matcher(sub).find() && !type.startsWith("protests")) {
            List<EventType> read = StatementExtractor.eventTypesOf(notes);
            if (read.stream().anyMatch(t -> t != EventType.OTHER)) {
                return read;
            }
        }
        if (sub.contains("headquarters or base")) {
            return List.of(EventType.BUILDUP);
        }
        if (type.startsWith("battles")) {
            return List.of(EventType.SMALL_ARMS_FIRE);
        }
        if (type.startsWith("explosions")) {
            return List.of(EventType.MORTAR_ARTILLERY);
        }
        return List.of(EventType.OTHER);
    }

    /** The kind of act a sub-event type names, or null when it names none ("Attack", "Other"). */
    private static List<EventType> namedBySubEvent(String sub) {
        if (sub.contains("armed clash")) {
            return List.of(EventType.SMALL_ARMS_FIRE);
        }
        if (sub.contains("shelling") || sub.contains("artillery") || sub.contains("missile")) {
            return List.of(EventType.MORTAR_ARTILLERY);
        }
        if (sub.contains("drone") || sub.contains("air")) {
            return List.of(EventType.DRONE_STRIKE);
        }
        if (sub.contains("landmine") || sub.contains("remote explosive") || sub.contains("ied")) {
            return List.of(EventType.MINE_EXPLOSION);
        }
        if (sub.contains("arrest") || sub.contains("abduction")) {
            return List.of(EventType.DETENTION);
        }
        if (sub.contains("overtakes territory") || sub.contains("regains territory")) {
            return List.of(EventType.INCURSION);
        }
        if (sub.contains("grenade")) {
            return List.of(EventType.SMALL_ARMS_FIRE);
        }
        return null;
    }

    private static String value(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static LocalDate date(String s) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(s, LONG_DATE);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static Integer integer(Map<String, String> row, String column, List<Violation> bad) {
        String v = value(row, column);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            bad.add(new Violation(column, "must be a whole number (got '" + v + "')"));
            return null;
        }
    }

    private static Long epochSeconds(Map<String, String> row, List<Violation> bad) {
        String v = value(row, "timestamp");
        if (v == null) {
            return null;
        }
        try {
            return Long.valueOf(v);
        } catch (NumberFormatException e) {
            bad.add(new Violation("timestamp", "must be seconds since 1970 (got '" + v + "')"));
            return null;
        }
    }

    private static Double decimal(Map<String, String> row, String column, double min, double max,
                                  List<Violation> bad) {
        String v = value(row, column);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (d < min || d > max) {
                bad.add(new Violation(column, "must be between " + min + " and " + max));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            bad.add(new Violation(column, "must be a number (got '" + v + "')"));
            return null;
        }
    }
}
