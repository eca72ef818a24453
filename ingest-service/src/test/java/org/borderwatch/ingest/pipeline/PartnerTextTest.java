package org.borderwatch.ingest.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.borderwatch.ingest.pipeline.IngestPipeline.Result;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Partner text held to what renderers may show: links, names, references and place text, in every format. */
class PartnerTextTest {

    private final IngestPipeline pipeline = Fixtures.core(Clock.fixed(Instant.parse("2025-03-20T12:00:00Z"),
            ZoneOffset.UTC)).pipeline();

    private static final String CLAIM = "On 16 March at 09:35 Armenian units fired at our positions from Digh.";

    private static String json(Object o) {
        return Json.write(o);
    }

    private static byte[] statement(String ref, String source, String url) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("sourceRef", ref);
        m.put("source", source);
        m.put("publishedAt", "2025-03-16T10:20:00+04:00");
        m.put("language", "en");
        m.put("text", CLAIM);
        if (url != null) {
            m.put("url", url);
        }
        return json(m).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] canonical(String ref, String name, String url, String placeText) {
        Map<String, Object> source = new java.util.LinkedHashMap<>();
        source.put("id", "desk-x");
        source.put("kind", "MEDIA");
        if (name != null) {
            source.put("name", name);
        }
        Map<String, Object> location = new java.util.LinkedHashMap<>();
        location.put("segments", java.util.List.of("TAVUSH"));
        if (placeText != null) {
            location.put("text", placeText);
            location.put("settlement", placeText);
        }
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("schemaVersion", 1);
        m.put("sourceRef", ref);
        m.put("source", source);
        m.put("stance", "CLAIM");
        m.put("location", location);
        m.put("occurredAt", "2025-03-16T09:00:00+04:00");
        m.put("publishedAt", "2025-03-16T10:00:00+04:00");
        if (url != null) {
            m.put("url", url);
        }
        return json(m).getBytes(StandardCharsets.UTF_8);
    }

    private static Rejection rejection(Result r) {
        assertThat(r.rejections()).as("refused").hasSize(1);
        return r.rejections().get(0);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "https://example.org/az-mod/2025-03-16-a",
            "http://example.org/a?b=c#d",
            "HTTPS://EXAMPLE.ORG/",
            "https://президент.рф/news/1",
            "https://[2001:db8::1]:8443/x"})
    void absoluteHttpAndHttpsLinksPassInEveryFormat(String url) {
        assertThat(PartnerText.urlProblem(url)).isNull();
        Result s = pipeline.processRecord(InputFormat.STATEMENT, statement("url-ok-" + url.hashCode(),
                "Ministry of Defence of Azerbaijan", url), "t");
        assertThat(s.published()).extracting(IncidentReport::url).containsExactly(url);
        Result c = pipeline.processRecord(InputFormat.CANONICAL, canonical("url-ok-" + url.hashCode(), null, url, null), "t");
        assertThat(c.published()).extracting(IncidentReport::url).containsExactly(url);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "javascript:alert(document.cookie)| not 'javascript':",
            "JavaScript:alert(1)              | not 'javascript':",
            "data:text/html;base64,PHNjcmlwdD4= | not 'data':",
            "vbscript:msgbox(1)               | not 'vbscript':",
            "file:///etc/passwd               | not 'file':",
            "ftp://example.org/x              | not 'ftp':",
            "/az-mod/2025-03-16-a             | not a relative one",
            "//example.org/x                  | not a relative one",
            "example.org/x                    | not a relative one",
            "https:///no-host                 | with a host",
            "https:no-slashes                 | with a host",
            "https://az-mod.gov.az@evil.example/ | user information",
            "https://example.org/a b          | not a valid URI",
            "https://example.org/\u202Egpj.exe | bidirectional formatting character (U+202E)"})
    void anythingElseIsASchemaViolationInCanonicalReportsAndDroppedWithAWarningFromStatements(String url,
                                                                                               String message) {
        Rejection r = rejection(pipeline.processRecord(InputFormat.CANONICAL,
                canonical("url-bad-" + url.hashCode(), null, url, null), "t"));
        assertThat(r.reason()).as(url).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(r.violations()).as(url).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$.url");
            assertThat(v.message()).contains(message.strip());
        });
        assertThat(r.detail()).startsWith("$.url: must");

        // a statement's text is not lost over its link: accepted without it, the reason kept as a warning
        assertDroppedFromStatement("url-bad-" + url.hashCode(), url, message.strip());
    }

    private void assertDroppedFromStatement(String ref, String url, String message) {
        Result s = pipeline.processRecord(InputFormat.STATEMENT, statement(ref, "Ministry of Defence of Azerbaijan", url),
                "t");
        assertThat(s.rejections()).as(url).isEmpty();
        assertThat(s.published()).as(url).singleElement().satisfies(report -> {
            assertThat(report.url()).isNull();
            assertThat(report.text()).isEqualTo(CLAIM);
        });
        assertThat(s.warnings()).as(url).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(1);
            assertThat(w.field()).isEqualTo("$.url");
            assertThat(w.message()).contains(message).endsWith("(dropped: the statement is kept without it)");
        });
    }

    @Test
    void aUrlWithALineBreakIsDroppedFromAStatementToo() {
        assertDroppedFromStatement("url-crlf", "https://example.org/\r\nSet-Cookie: x=1",
                "a control character (U+000D)");
    }

    @Test
    void aUrlLongerThanTheContractsLimitIsDroppedFromAStatementAndRefusedInACanonicalReport() {
        String url = "https://example.org/" + "a".repeat(PartnerText.MAX_URL);
        assertDroppedFromStatement("url-long", url, "is longer than 2000 characters");
        Rejection r = rejection(pipeline.processRecord(InputFormat.CANONICAL, canonical("url-long", null, url, null),
                "t"));
        assertThat(r.violations()).extracting(Violation::field).containsExactly("$.url");
        // the limit is the contract's: a url of exactly that length passes both
        String longest = "https://example.org/" + "a".repeat(PartnerText.MAX_URL - 20);
        assertThat(pipeline.processRecord(InputFormat.STATEMENT, statement("url-longest", "EUMA", longest), "t")
                .published()).extracting(IncidentReport::url).containsExactly(longest);
        assertThat(pipeline.processRecord(InputFormat.CANONICAL, canonical("url-longest", null, longest, null), "t")
                .published()).extracting(IncidentReport::url).containsExactly(longest);
    }

    @Test
    void aDroppedUrlIsCountedOnceItsRecordIsSettledAndNotForADryRun() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        IngestPipeline counted = Fixtures.core(Clock.fixed(Instant.parse("2025-03-20T12:00:00Z"), ZoneOffset.UTC),
                registry).pipeline();
        DoubleSupplier dropped = () -> registry.get(IngestMetrics.DROPPED_FIELDS).tag("format", "statement")
                .tag("field", "url").counter().count();
        assertThat(dropped.getAsDouble()).isZero(); // exists from start-up
        counted.countAll(counted.processBatch(InputFormat.STATEMENT, statement("url-dry", "EUMA", "ftp://example.org/x"),
                "t", true));
        assertThat(dropped.getAsDouble()).isZero();
        counted.countAll(counted.processBatch(InputFormat.STATEMENT, statement("url-sent", "EUMA", "ftp://example.org/x"),
                "t", false));
        assertThat(dropped.getAsDouble()).isEqualTo(1.0);
    }

    /** what, the bad value, the message. */
    private static final String[][] FORBIDDEN = {
            {"line feed", "Evil Desk\nOccurrence CONFIRMED by the mission", "a control character (U+000A)"},
            {"carriage return", "Evil Desk\rBcc: x@evil.example", "a control character (U+000D)"},
            {"tab", "Evil\tDesk", "a control character (U+0009)"},
            {"NUL", "Evil\u0000Desk", "a control character (U+0000)"},
            {"C1 NEL", "Evil\u0085Desk", "a control character (U+0085)"},
            {"DEL", "Evil\u007FDesk", "a control character (U+007F)"},
            {"line separator", "Evil\u2028Desk", "a line or paragraph separator (U+2028)"},
            {"RLO override", "Border Daily \u202Eswen", "a bidirectional formatting character (U+202E)"},
            {"LRI isolate", "Border \u2066Daily", "a bidirectional formatting character (U+2066)"},
            {"RLM mark", "Border\u200F Daily", "a bidirectional formatting character (U+200F)"}};

    @Test
    void controlLineAndBidiCharactersInTheDisplayNameOrSourceRefAreRefused() {
        for (String[] row : FORBIDDEN) {
            refusedAsNameAndRef(row[0], row[1], row[2]);
        }
    }

    private void refusedAsNameAndRef(String what, String bad, String message) {
        Result named = pipeline.processRecord(InputFormat.STATEMENT, statement("name-" + what.strip(), bad, null), "t");
        assertThat(named.rejections()).as(what + ": " + named.published()).hasSize(1);
        Rejection name = named.rejections().get(0);
        assertThat(name.reason()).isEqualTo(RejectReason.SCHEMA_VIOLATION);
        assertThat(name.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$.source");
            assertThat(v.message()).isEqualTo("contains " + message.strip());
        });
        Rejection canonicalName = rejection(pipeline.processRecord(InputFormat.CANONICAL,
                canonical("cname-" + what.strip(), bad, null, null), "t"));
        assertThat(canonicalName.violations()).extracting(Violation::field).containsExactly("$.source.name");

        Rejection ref = rejection(pipeline.processRecord(InputFormat.STATEMENT,
                statement("ref-" + bad, "Ministry of Defence of Azerbaijan", null), "t"));
        assertThat(ref.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$.sourceRef");
            assertThat(v.message()).isEqualTo("contains " + message.strip());
        });
        Rejection canonicalRef = rejection(pipeline.processRecord(InputFormat.CANONICAL,
                canonical("ref-" + bad, null, null, null), "t"));
        assertThat(canonicalRef.violations()).extracting(Violation::field).containsExactly("$.sourceRef");
        // the detail stays one line: the character is named, never written
        assertThat(ref.detail()).doesNotContain("\n", "\r", "\u2028", "\u202E");
    }

    @Test
    void ordinaryNamesInAnyScriptPassAndTheDisplayNameIsCappedAt200Characters() {
        for (String name : new String[] {"Border Daily News", "Министерство обороны", "Պաշտպանության նախարարություն",
                "Müdafiə Nazirliyi", "وزارت امور خارجه", "Border\u00A0Daily", "a".repeat(200)}) {
            Result r = pipeline.processRecord(InputFormat.STATEMENT, statement("ok-" + name.hashCode(), name, null), "t");
            assertThat(r.rejections()).as(name).isEmpty();
        }
        Rejection tooLong = rejection(pipeline.processRecord(InputFormat.STATEMENT,
                statement("long-name", "a".repeat(201), null), "t"));
        assertThat(tooLong.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("$.source");
            assertThat(v.message()).isEqualTo("is longer than 200 characters");
        });
        Rejection tooLongCanonical = rejection(pipeline.processRecord(InputFormat.CANONICAL,
                canonical("long-name", "b".repeat(201), null, null), "t"));
        assertThat(tooLongCanonical.violations()).extracting(Violation::field).containsExactly("$.source.name");
    }

    @Test
    void placeTextIsNormalisedNotRefused() {
        Result r = pipeline.processRecord(InputFormat.CANONICAL, canonical("place-1", null, null,
                "Sotk\r\nOccurrence CONFIRMED by EUMA \u202E\u2028 (Gegharkunik)\t"), "t");
        IncidentReport report = r.published().get(0);
        assertThat(report.location().text()).isEqualTo("Sotk Occurrence CONFIRMED by EUMA (Gegharkunik)");
        assertThat(report.location().settlement()).isEqualTo("Sotk Occurrence CONFIRMED by EUMA (Gegharkunik)");
        Result blank = pipeline.processRecord(InputFormat.CANONICAL, canonical("place-2", null, null, "\u202E\n"), "t");
        assertThat(blank.published().get(0).location().text()).isNull();
        // ordinary text untouched, double spaces included
        assertThat(PartnerText.normalizePlace("Nerkin  Hand, Syunik")).isEqualTo("Nerkin  Hand, Syunik");
        // ACLED's location cell is place text too
        String csv = "event_id_cnty,event_date,event_type,location,admin1,notes,fatalities\n"
                + "ARM9,2024-02-13,Battles,\"Nerkin Hand\u202E\nX\",Syunik,Shots fired.,0\n";
        Result acled = pipeline.processBatch(InputFormat.ACLED, csv.getBytes(StandardCharsets.UTF_8), "t", false);
        assertThat(acled.rejections()).isEmpty();
        assertThat(acled.published().get(0).location().text()).doesNotContain("\n", "\u202E").contains("Nerkin Hand X");
    }

    @Test
    void anAcledEventIdWithAControlCharacterIsRefusedNamingTheColumn() {
        String csv = "event_id_cnty,event_date,event_type,location,admin1,notes,fatalities\n"
                + "\"ARM\u202E9\",2024-02-13,Battles,Nerkin Hand,Syunik,Shots fired.,0\n";
        Result acled = pipeline.processBatch(InputFormat.ACLED, csv.getBytes(StandardCharsets.UTF_8), "t", false);
        assertThat(acled.rejections()).singleElement().satisfies(r ->
                assertThat(r.violations()).extracting(Violation::field).containsExactly("event_id_cnty"));
    }
}
