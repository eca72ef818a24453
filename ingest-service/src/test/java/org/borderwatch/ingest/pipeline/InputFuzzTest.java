package org.borderwatch.ingest.pipeline;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.schema.JsonSchemas;
import org.borderwatch.ingest.Fixtures;
import org.borderwatch.ingest.pipeline.IngestPipeline.Outcome;
import org.borderwatch.ingest.pipeline.IngestPipeline.Result;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random and mutated input through the two paths records take (a raw topic's {@link IngestPipeline#processRecord}
 * and HTTP's / the command's {@link IngestPipeline#processBatch}), for every format. The invariant: every input ends
 * as accepted report(s) that pass the common schema, or as rejection(s) with a documented reason other than
 * {@code PROCESSING_ERROR} (which would mean an unexpected failure) and a readable detail; never a throw, never an
 * empty result. The seed is printed; rerun one with {@code -Dfuzz.seed=N} (and more rounds with
 * {@code -Dfuzz.rounds=N}).
 */
class InputFuzzTest {

    static final long SEED = Long.getLong("fuzz.seed", 20_251_122L);
    static final int ROUNDS = Integer.getInteger("fuzz.rounds", 250);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-20T12:00:00Z"), ZoneOffset.UTC);

    static final String STATEMENT = "{\"sourceRef\":\"fz-1\",\"source\":\"Ministry of Defence of Azerbaijan\","
            + "\"publishedAt\":\"2025-03-16T10:20:00+04:00\",\"language\":\"en\",\"text\":\"On 16 March at 09:35 "
            + "Armenian units fired at our positions from Digh; two servicemen were wounded.\","
            + "\"url\":\"https://example.org/fz-1\"}";
    static final String DENIAL = "{\"sourceRef\":\"fz-2\",\"source\":\"Armenian MoD\",\"publishedAt\":"
            + "\"2025-03-16T12:00:00+04:00\",\"text\":\"The claim that our units fired near Sotk does not correspond "
            + "to reality. On the contrary, at 21:10 Azerbaijani units fired at our positions near Sotk.\"}";
    static final String ACLED = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
            + "admin1,admin2,location,latitude,longitude,source,notes,fatalities,timestamp\n"
            + "ARM9001,2024-02-13,2024,1,Battles,Armed clash,Military Forces of Azerbaijan (2003-),"
            + "Military Forces of Armenia (2018-),Syunik,Kapan,Nerkin Hand,39.1,46.4,Ministry of Defence of Armenia,"
            + "\"Azerbaijani forces fired at Armenian positions near Nerkin Hand, four soldiers were killed.\",4,"
            + "1707800000\n";

    private final IngestPipeline pipeline = Fixtures.core(CLOCK).pipeline();

    /** A valid canonical report: what the statement normaliser makes of {@link #STATEMENT}. */
    private static String canonical() {
        IngestPipeline p = Fixtures.core(CLOCK).pipeline();
        IncidentReport r = p.processRecord(InputFormat.STATEMENT, STATEMENT.getBytes(StandardCharsets.UTF_8), "t")
                .published().get(0);
        return Json.write(r);
    }

    @Test
    void everyRandomOrMutatedInputIsAcceptedOrRejectedWithADocumentedReason() {
        System.out.println("InputFuzzTest seed " + SEED + ", " + ROUNDS + " rounds per format and path"
                + " (rerun with -Dfuzz.seed=" + SEED + ")");
        Random random = new Random(SEED);
        String canonical = canonical();
        List<String> failures = new ArrayList<>();
        for (InputFormat format : InputFormat.values()) {
            List<byte[]> seeds = switch (format) {
                case STATEMENT -> List.of(utf8(STATEMENT), utf8(DENIAL), utf8(STATEMENT + "\n" + DENIAL + "\n"));
                case CANONICAL -> List.of(utf8(canonical));
                case ACLED -> List.of(utf8(ACLED));
            };
            for (int round = 0; round < ROUNDS; round++) {
                byte[] base = seeds.get(random.nextInt(seeds.size()));
                Mutation m = Mutation.values()[random.nextInt(Mutation.values().length)];
                byte[] input = m.apply(random, base);
                String what = format.id() + " round " + round + " " + m;
                boolean dryRun = round % 2 == 0;
                failures.addAll(check(what + " (record)", input, () -> pipeline.processRecord(format, input, "fuzz")));
                failures.addAll(check(what + " (batch)", input,
                        () -> pipeline.processBatch(format, input, "fuzz", dryRun)));
            }
        }
        assertThat(failures).as("seed " + SEED).isEmpty();
    }

    /** The invariant for one input; an empty list when it holds. */
    static List<String> check(String what, byte[] input, java.util.function.Supplier<Result> run) {
        List<String> out = new ArrayList<>();
        Result result;
        try {
            result = run.get();
        } catch (Throwable t) {
            out.add(what + ": threw " + t + " for " + Base64.getEncoder().encodeToString(input));
            return out;
        }
        if (result.outcomes().isEmpty()) {
            out.add(what + ": no outcome at all for " + Base64.getEncoder().encodeToString(input));
        }
        for (Outcome o : result.outcomes()) {
            if ((o.report() == null) == (o.rejection() == null)) {
                out.add(what + ": an outcome must be a report or a rejection: " + o);
            } else if (o.report() != null) {
                List<JsonSchemas.Violation> invalid = JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT,
                        Json.write(o.report()));
                if (!invalid.isEmpty()) {
                    out.add(what + ": accepted a report that breaks the schema: " + invalid);
                }
            } else {
                Rejection r = o.rejection();
                if (r.reason() == RejectReason.PROCESSING_ERROR) {
                    out.add(what + ": unexpected failure: " + r.detail() + " for "
                            + Base64.getEncoder().encodeToString(input));
                }
                if (!readable(r.detail())) {
                    out.add(what + ": unreadable detail '" + r.detail() + "'");
                }
                if (r.original() == null) {
                    out.add(what + ": the rejection lost the original bytes");
                }
            }
        }
        return out;
    }

    /** A detail an operator can read in a header: some words, no control characters, not a stack trace. */
    static boolean readable(String detail) {
        return detail != null && !detail.isBlank() && detail.length() <= 2000 && !detail.contains("\tat ")
                && detail.chars().noneMatch(Character::isISOControl);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The mutations, each an input class. */
    enum Mutation {
        TRUNCATED {
            byte[] apply(Random r, byte[] b) {
                return java.util.Arrays.copyOf(b, r.nextInt(b.length));
            }
        },
        BYTE_FLIPPED {
            byte[] apply(Random r, byte[] b) {
                byte[] c = b.clone();
                for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) {
                    c[r.nextInt(c.length)] = (byte) r.nextInt(256);
                }
                return c;
            }
        },
        INVALID_UTF8 {
            byte[] apply(Random r, byte[] b) {
                byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED,
                        (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
                return insert(b, r.nextInt(b.length), bad[r.nextInt(bad.length)]);
            }
        },
        BOM {
            byte[] apply(Random r, byte[] b) {
                return insert(b, 0, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
        },
        NUL_BYTES {
            byte[] apply(Random r, byte[] b) {
                byte[] c = insert(b, r.nextInt(b.length), new byte[] {0});
                return r.nextBoolean() ? c : replace(c, "Armenian", "Arme\\u0000nian");
            }
        },
        CRLF {
            byte[] apply(Random r, byte[] b) {
                return replace(b, "\n", "\r\n");
            }
        },
        LONE_CR {
            byte[] apply(Random r, byte[] b) {
                return replace(b, "\n", "\r");
            }
        },
        WRONG_TYPE {
            byte[] apply(Random r, byte[] b) {
                String[] fields = {"source", "publishedAt", "text", "sourceRef", "language", "url", "stance",
                        "occurredAt", "location", "casualties", "eventTypes", "revision", "killed", "segments",
                        "actingParty", "schemaVersion", "reportId"};
                String[] values = {"42", "-1", "1e309", "123456789012345678901234567890", "true", "null", "[]",
                        "{}", "[1,2]", "{\"a\":{}}", "\"\"", "\"x\"", "-0", "0.5"};
                String f = fields[r.nextInt(fields.length)];
                String v = values[r.nextInt(values.length)];
                return new String(b, StandardCharsets.UTF_8)
                        .replaceFirst("\"" + f + "\":(\"[^\"]*\"|[-0-9.eE]+|true|false|null)",
                                java.util.regex.Matcher.quoteReplacement("\"" + f + "\":" + v))
                        .getBytes(StandardCharsets.UTF_8);
            }
        },
        EXTREME_DATE {
            byte[] apply(Random r, byte[] b) {
                String[] dates = {"0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                        "9999-12-31T23:59:59+14:00", "1900-01-01T00:00:00-12:00", "2025-02-30T10:00:00Z",
                        "2025-03-16T25:61:00Z", "2025-03-16", "2025-03-16T10:20:00+18:00", "20250316T102000Z",
                        "1970-01-01T00:00:00Z", "2099-01-01T00:00:00Z"};
                String d = dates[r.nextInt(dates.length)];
                String s = new String(b, StandardCharsets.UTF_8);
                s = s.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?",
                        java.util.regex.Matcher.quoteReplacement(r.nextBoolean() ? d : d.substring(0,
                                Math.min(d.length(), 10))));
                s = s.replaceAll(",2024-02-13,", "," + d.substring(0, Math.min(d.length(), 10)) + ",")
                        .replace(",1707800000", r.nextBoolean() ? ",99999999999999" : ",-62135596800");
                return s.getBytes(StandardCharsets.UTF_8);
            }
        },
        ENORMOUS_NUMBER {
            byte[] apply(Random r, byte[] b) {
                String big = r.nextBoolean() ? "9".repeat(400) : "1e99999999";
                return new String(b, StandardCharsets.UTF_8).replaceFirst("(?<=[,:])\\d+(\\.\\d+)?(?=[,}\\n])", big)
                        .getBytes(StandardCharsets.UTF_8);
            }
        },
        NON_OBJECT {
            byte[] apply(Random r, byte[] b) {
                String[] values = {"[]", "42", "\"text\"", "null", "true", "[[]]", "[1,\"a\",null]", "{}", "[{}]",
                        "\"\\ud800\"", "{\"a\":1}{\"b\":2}", "[" .repeat(5000), "{\"a\":".repeat(3000),
                        "[".repeat(800) + "]".repeat(800)};
                return utf8(values[r.nextInt(values.length)]);
            }
        },
        EMPTY {
            byte[] apply(Random r, byte[] b) {
                String[] values = {"", " ", "\n\n", "\r\n", "\uFEFF", "\u0000"};
                return utf8(values[r.nextInt(values.length)]);
            }
        },
        CSV_QUOTED_NEWLINE {
            byte[] apply(Random r, byte[] b) {
                return replace(b, "near Nerkin Hand", r.nextBoolean() ? "near\nNerkin\r\nHand" : "near \"\"Nerkin\nHand");
            }
        },
        CSV_UNBALANCED_QUOTE {
            byte[] apply(Random r, byte[] b) {
                return insert(b, r.nextInt(b.length), new byte[] {'"'});
            }
        },
        CSV_COLUMNS {
            byte[] apply(Random r, byte[] b) {
                String s = new String(b, StandardCharsets.UTF_8);
                int cut = s.lastIndexOf(',', s.length() - 2);
                return utf8(r.nextBoolean() ? s.substring(0, Math.max(0, cut)) + "\n" : s.strip() + ",extra,\"more\"\n");
            }
        },
        CSV_FORMULA {
            byte[] apply(Random r, byte[] b) {
                String[] f = {"=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A9)", "=HYPERLINK(\"x\")"};
                return replace(b, ",Nerkin Hand,", ",\"" + f[r.nextInt(f.length)].replace("\"", "\"\"") + "\",");
            }
        },
        NDJSON_WITH_JUNK {
            byte[] apply(Random r, byte[] b) {
                String[] junk = {"not json", "{", "}", "[1", "\u0000", "{\"text\":\"a\"}", "  ", "//", "null"};
                return utf8(new String(b, StandardCharsets.UTF_8) + "\n" + junk[r.nextInt(junk.length)] + "\n"
                        + new String(b, StandardCharsets.UTF_8));
            }
        },
        RANDOM_BYTES {
            byte[] apply(Random r, byte[] b) {
                byte[] c = new byte[1 + r.nextInt(300)];
                r.nextBytes(c);
                return c;
            }
        },
        RANDOM_SPLICE {
            byte[] apply(Random r, byte[] b) {
                int from = r.nextInt(b.length);
                int to = from + r.nextInt(b.length - from);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, to);
                out.write(b, from, b.length - from);
                return out.toByteArray();
            }
        };

        abstract byte[] apply(Random r, byte[] b);

        static byte[] insert(byte[] b, int at, byte[] what) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(b, 0, at);
            out.writeBytes(what);
            out.write(b, at, b.length - at);
            return out.toByteArray();
        }

        static byte[] replace(byte[] b, String from, String to) {
            return new String(b, StandardCharsets.ISO_8859_1).replace(from, new String(to.getBytes(
                    StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        }
    }
}
