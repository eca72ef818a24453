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
import org.borderwatch.ingest.text.Sentences;
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
import java.util.regex.Matcher;
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
    /** A state institution as ACLED names it: "&lt;forces / government …&gt; of Azerbaijan / Armenia". */
    private static final Pattern STATE_ACTOR = Pattern.compile("\\bof\\s+(azerbaijan|armenia)\\b");
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
        String type = value(row, "event_type");
        String sub = value(row, "sub_event_type");
        String ref = id != null ? id : ContentHash.sha256(new String(record, java.nio.charset.StandardCharsets.UTF_8));
        return IncidentReport.builder()
                .reportId(Uuids.reportId(source.id(), ref))
                .sourceRef(id)
                .source(source)
                .stance(Stance.CLAIM)
                .actingParty(party(value(row, "actor1")))
                .eventTypes(eventType(type, sub, notes))
                .location(location(row, lat, lon, notes == null ? null
                        : new RawStatement(id, source.name(), publishedAt, "en", notes, null),
                        notes == null || !notesTellTheAct(type, sub) ? null
                        : new RawStatement(id, source.name(), publishedAt, "en", actSentence(notes), null)))
                .occurredAt(first.atStartOfDay().atOffset(zone))
                .occurredUntil(last.atTime(END_OF_DAY).atOffset(zone))
                .timePrecision(TimePrecision.DAY)
                .publishedAt(publishedAt)
                .receivedAt(receivedAt)
                .casualties(casualties(fatalities, notes, value(row, "actor2")))
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
    private Location location(Map<String, String> row, Double lat, Double lon, RawStatement notes, RawStatement act) {
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
        } else if (act != null && where.resolved()) {
            segments = frontOf(segments, notesReader.extract(act, source).location());
        }
        return new Location(segments, ambiguous, settlement, description, lat, lon);
    }

    /**
     * The segments of a row whose notes tell its act on several fronts ("fired … at positions near Yeraskh (Ararat)
     * and, in the evening, at positions near Kut (Gegharkunik)"; "from the Basarkechar and Gorus districts at
     * positions in Kalbajar and Lachin districts"): the segments the act's own sentence names, when they are precise
     * and hold the columns' own — the row's place is one front of the act. A place only later sentences name (the
     * other side's counter-claim, an earlier incident, a source's aside) or an act sentence elsewhere than the
     * columns' place changes nothing. A front runs along the border between the two states: the Lachin road and
     * former Nagorno-Karabakh are never one ("detained a Karabakh Armenian man at the Lachin checkpoint near Hakari
     * bridge (Lachin)" is one place, named three ways).
     */
    private static List<BorderSegment> frontOf(List<BorderSegment> columns, Location act) {
        if (act == null || act.ambiguous() || act.segments().isEmpty()
                || act.segments().contains(BorderSegment.UNRESOLVED) || !act.segments().containsAll(columns)
                || act.segments().stream().anyMatch(AcledNormalizer::offTheBorder)) {
            return columns;
        }
        return act.segments();
    }

    private static boolean offTheBorder(BorderSegment s) {
        return s == BorderSegment.LACHIN_CORRIDOR || s == BorderSegment.KARABAKH;
    }

    /** Whether the notes' place is resolved, not ambiguous and among the candidates the columns give. */
    private static boolean preciseWithin(Location notes, PlaceResolution columns) {
        return notes != null && !notes.ambiguous() && !notes.segments().isEmpty()
                && !notes.segments().contains(BorderSegment.UNRESOLVED)
                && columns.segments().containsAll(notes.segments());
    }

    /**
     * The row's losses: {@code fatalities} as killed (ACLED counts deaths only), the wounded its notes tell ("Two
     * Armenian servicemen were wounded", "killing 4 … and wounding 1", "injuring three"), read by the statement
     * rules ({@link StatementExtractor#casualtiesNamedIn}), and whose they are, dead or wounded:
     * <ul>
     * <li>the side the notes' words name ("One Azerbaijani serviceman was killed", "2 of its servicemen" after the
     * ministry counting them) — never inferred from {@code actor1}, whose own dead ACLED's figure may count;</li>
     * <li>otherwise a third country whose people the notes name among the losses ("killing 5 Russian
     * peacekeepers"): its own party, neither side's;</li>
     * <li>otherwise the country of the civilians the row codes as its victims ({@code actor2} "Civilians (Armenia)":
     * civilians hit in Armenia are Armenia's losses — "a 62-year-old woman was wounded in Khnatsakh"). A state force
     * as {@code actor2} names no side: the dead of a clash may be either side's.</li>
     * </ul>
     * No losses (none in the column, no wounded in the notes): no side. No fatalities column and no wounded: none.
     */
    static Casualties casualties(Integer fatalities, String notes, String victims) {
        Casualties told = notes == null ? null : StatementExtractor.casualtiesNamedIn(notes);
        Integer wounded = told == null ? null : told.wounded();
        if (fatalities == null && (wounded == null || wounded == 0)) {
            return null;
        }
        if ((fatalities == null ? 0 : fatalities) + (wounded == null ? 0 : wounded) == 0) {
            return new Casualties(fatalities, wounded, null);
        }
        Party whose = told != null && told.killedOrZero() + told.woundedOrZero() > 0 ? told.party() : null;
        if (whose == null && notes != null) {
            whose = thirdCountryLosses(notes);
        }
        if (whose == null) {
            whose = civiliansOf(victims);
        }
        return new Casualties(fatalities, wounded, whose);
    }

    /** Nationalities of third countries whose people a row's losses may be, and their parties. */
    private static final Map<String, Party> THIRD_COUNTRIES = Map.of("russian", Party.RU, "turkish", Party.TR,
            "iranian", Party.IR, "french", Party.FR, "american", Party.US);
    private static final String NATIONALITY = "russian|turkish|iranian|french|american";
    private static final String PEOPLE = "(?:peacekeepers?|servicem[ae]n|soldiers?|troops|officers?|border\\s+guards?"
            + "|citizens?|nationals?|monitors?)";
    /**
     * A third country's people counted right after a casualty word ("killing 5 Russian peacekeepers") or right
     * before it ("two Turkish nationals were injured"); not a third country that only reports ("killing 2 soldiers,
     * according to the Russian MoD").
     */
    private static final Pattern THIRD_COUNTRY_LOSSES = Pattern.compile(
            "\\b(?:kill|wound|injur)\\w*\\s+(?:[\\w-]+\\s+){0,2}?(?<nat>" + NATIONALITY + ")\\s+" + PEOPLE + "\\b"
                    + "|\\b(?<nat2>" + NATIONALITY + ")\\s+" + PEOPLE + "\\s+(?:were|was)\\s+(?:\\w+\\s+)?"
                    + "(?:killed|wounded|injured)\\b",
            Pattern.CASE_INSENSITIVE);

    private static Party thirdCountryLosses(String notes) {
        Matcher m = THIRD_COUNTRY_LOSSES.matcher(notes);
        if (!m.find()) {
            return null;
        }
        String nat = m.group("nat") != null ? m.group("nat") : m.group("nat2");
        return THIRD_COUNTRIES.get(nat.toLowerCase(Locale.ROOT));
    }

    /** The side of civilians ACLED codes as a row's victims: "Civilians (Armenia)" → AM. Anyone else: none. */
    static Party civiliansOf(String actor) {
        if (actor == null || !actor.strip().toLowerCase(Locale.ROOT).startsWith("civilians")) {
            return null;
        }
        String a = actor.toLowerCase(Locale.ROOT);
        return a.contains("(azerbaijan") ? Party.AZ : a.contains("(armenia") ? Party.AM : null;
    }

    /**
     * The side of {@code actor1}: a state actor of Armenia or Azerbaijan ("Military Forces of Azerbaijan (2003-)",
     * "Government of Armenia (2018-)", "Police Forces of Armenia (2018-) National Security Service Border Guard"):
     * ACLED names it as an institution <em>of</em> the country. ACLED names a non-state actor by the country it is
     * active in, in parentheses ("Protesters (Armenia)", "Unidentified Armed Group (Azerbaijan)"), and an outside body
     * may carry the country in its own name ("EUMA: European Union Mission in Armenia"): that is a place, not a side,
     * so it names none.
     */
    static Party party(String actor) {
        if (actor == null) {
            return null;
        }
        Matcher state = STATE_ACTOR.matcher(PARENTHESES.matcher(actor.toLowerCase(Locale.ROOT)).replaceAll(" "));
        if (!state.find()) {
            return null;
        }
        return state.group(1).equals("azerbaijan") ? Party.AZ : Party.AM;
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
            return notes == null || !notesTellTheAct(eventType, subEventType) ? named
                    : withOtherActs(named, StatementExtractor.eventTypesOf(actSentence(notes)));
        }
        if (notes != null && notesTellTheAct(eventType, subEventType)) {
            List<EventType> read = StatementExtractor.eventTypesOf(notes);
            if (read.stream().anyMatch(t -> t != EventType.OTHER)) {
                return read;
            }
        }
        if (sub.contains("headquarters or base")) {
            return List.of(EventType.BUILDUP);
        }
        // "Disrupted weapons use" under "Explosions/Remote violence": the weapon was the other side's and was stopped
        // ("shot down an Azerbaijani quadcopter"), so no shelling by actor1 (batch 78)
        if (sub.contains("disrupted")) {
            return List.of(EventType.OTHER);
        }
        if (type.startsWith("battles")) {
            return List.of(EventType.SMALL_ARMS_FIRE);
        }
        if (type.startsWith("explosions")) {
            return List.of(EventType.MORTAR_ARTILLERY);
        }
        return List.of(EventType.OTHER);
    }

    /**
     * The sub-event type's act first, then the other acts the notes' act sentence names ("attacked … with attack
     * drones and artillery" under "Air/drone strike": drone strike, then mortar/artillery). Later sentences (a
     * counter-claim, the clearance work a mine hit) add nothing, nor does a mere loss or "other".
     */
    private static List<EventType> withOtherActs(List<EventType> named, List<EventType> act) {
        List<EventType> out = new ArrayList<>(named);
        for (EventType t : act) {
            if (t != EventType.OTHER && t != EventType.CASUALTY && !out.contains(t)) {
                out.add(t);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Whether the notes tell an act of {@code actor1}'s: not for a disrupted weapons use (the act disrupted is the
     * other side's), protests, agreements or non-violent transfers of territory.
     */
    static boolean notesTellTheAct(String eventType, String subEventType) {
        String sub = subEventType == null ? "" : subEventType.toLowerCase(Locale.ROOT);
        String type = eventType == null ? "" : eventType.toLowerCase(Locale.ROOT);
        return !NOTES_NOT_READ.matcher(sub).find() && !type.startsWith("protests");
    }

    /**
     * The notes' first sentence: ACLED's notes open with the coded act ("On 14 September 2022, Azerbaijani military
     * forces attacked … , according to the Armenian MoD."); what follows is its sources, losses, the other side's
     * answer or background.
     */
    static String actSentence(String notes) {
        List<Sentences.Span> sentences = Sentences.split(notes);
        return sentences.isEmpty() ? notes : sentences.get(0).of(notes);
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
