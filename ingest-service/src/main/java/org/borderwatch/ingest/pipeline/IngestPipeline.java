package org.borderwatch.ingest.pipeline;

import io.micrometer.core.instrument.Timer;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.common.schema.JsonSchemas;
import org.borderwatch.ingest.acled.AcledCsv;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.borderwatch.ingest.pipeline.Deduplicator.Decision;
import org.borderwatch.ingest.pipeline.Deduplicator.Disposition;
import org.borderwatch.ingest.source.SourceRegistry;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one path every input takes, whether it comes from a raw topic, HTTP or the offline command: split → size
 * check → normalise → time check → schema check of the result → de-duplicate. Nothing here throws for bad input:
 * every record ends as a report to publish, a dropped duplicate, or a {@link Rejection} carrying its bytes.
 */
public final class IngestPipeline {

    /** The {@code source} tag of {@code normalized} for a source the registry does not know (bounded cardinality). */
    public static final String OTHER_SOURCE = "other";

    private final Map<InputFormat, ReportNormalizer> normalizers = new EnumMap<>(InputFormat.class);
    private final Deduplicator deduplicator;
    private final IngestLimits limits;
    private final Clock clock;
    private final IngestMetrics metrics;

    private final SourceRegistry registry;

    public IngestPipeline(List<ReportNormalizer> normalizers, Deduplicator deduplicator, IngestLimits limits,
                          Clock clock, IngestMetrics metrics) {
        this(normalizers, deduplicator, limits, clock, metrics, new SourceRegistry(List.of()));
    }

    /** {@code registry}: which source ids are registered, for {@link SourcePermission}. */
    public IngestPipeline(List<ReportNormalizer> normalizers, Deduplicator deduplicator, IngestLimits limits,
                          Clock clock, IngestMetrics metrics, SourceRegistry registry) {
        this.registry = registry;
        normalizers.forEach(n -> this.normalizers.put(n.format(), n));
        this.deduplicator = deduplicator;
        this.limits = limits;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * What happened to one record. Exactly one of {@code report} (with its disposition) and {@code rejection}.
     * {@code decision} is the de-duplicator's decision behind it, for {@link #unpublished}.
     */
    public record Outcome(int line, Disposition disposition, IncidentReport report, Rejection rejection,
                          Decision decision, List<Violation> warnings) {
        public Outcome {
            warnings = List.copyOf(warnings);
        }

        public Outcome(int line, Disposition disposition, IncidentReport report, Rejection rejection,
                       Decision decision) {
            this(line, disposition, report, rejection, decision, List.of());
        }

        public boolean published() {
            return report != null && disposition != Disposition.DUPLICATE;
        }
    }

    /**
     * The outcomes of a record or batch, in input order. {@code received}: how many records of {@code format} they
     * come from (ACLED: rows), counted as received by {@link #countSettled} once the outcomes are settled.
     */
    public record Result(List<Outcome> outcomes, String format, int received, boolean dryRun) {
        public List<IncidentReport> published() {
            return outcomes.stream().filter(Outcome::published).map(Outcome::report).toList();
        }

        public List<IncidentReport> duplicates() {
            return outcomes.stream().filter(o -> o.disposition() == Disposition.DUPLICATE).map(Outcome::report)
                    .toList();
        }

        public List<Rejection> rejections() {
            return outcomes.stream().filter(o -> o.rejection() != null).map(Outcome::rejection).toList();
        }

        /** What was dropped from accepted records (a statement's unusable url), each with its record's line. */
        public List<Warning> warnings() {
            return outcomes.stream().flatMap(o -> o.warnings().stream().map(w -> new Warning(o.line(), w.field(),
                    w.message()))).toList();
        }
    }

    /** A field dropped from an accepted record (the record's {@code line}), and why. */
    public record Warning(int line, String field, String message) {
    }

    /**
     * Tells the de-duplicator that these reports were not published after all (the broker refused them), so that
     * the retry of their input is judged afresh instead of being dropped as a duplicate.
     */
    public void unpublished(List<Outcome> outcomes) {
        outcomes.stream().filter(o -> o.decision() != null).forEach(o -> deduplicator.rollback(o.decision()));
    }

    /** Learns a report published to the normalised topic by any instance (see {@link Deduplicator#remember}). */
    public void published(IncidentReport report, Instant at) {
        deduplicator.remember(report, at);
    }

    /** How many report ids the de-duplicator remembers. */
    public int rememberedIds() {
        return deduplicator.size();
    }

    /** One record from a raw topic: one report (ACLED: one per row). */
    public Result processRecord(InputFormat format, byte[] bytes, String origin) {
        return processRecord(format, bytes, origin, SourcePermission.ANY);
    }

    /** One record from a raw topic that may carry reports of some registry sources only ({@code allowed}). */
    public Result processRecord(InputFormat format, byte[] bytes, String origin, SourcePermission allowed) {
        if (bytes == null || bytes.length == 0) {
            return single(format, reject(new RejectedInputException(RejectReason.MALFORMED, "empty record"),
                    new byte[0], 1, origin, format, false), false);
        }
        RejectedInputException large = sizeProblem(bytes);
        if (large != null) {
            return single(format, reject(large, bytes, 1, origin, format, false), false);
        }
        List<RawRecord> records;
        try {
            records = format == InputFormat.ACLED ? splitAcled(bytes) : List.of(new RawRecord(1, bytes));
        } catch (RejectedInputException e) {
            return single(format, reject(e, bytes, 1, origin, format, false), false);
        } catch (RuntimeException | StackOverflowError e) {
            return single(format, reject(unexpected(e), bytes, 1, origin, format, false), false);
        }
        return process(format, records, origin, false, allowed);
    }

    /** A batch from HTTP or the offline command: one JSON object, a JSON array, NDJSON, or a CSV document. */
    public Result processBatch(InputFormat format, byte[] bytes, String origin, boolean dryRun) {
        return processBatch(format, bytes, origin, dryRun, SourcePermission.ANY);
    }

    /** A batch from a partner whose key allows reports of some sources only ({@code allowed}). */
    public Result processBatch(InputFormat format, byte[] bytes, String origin, boolean dryRun,
                               SourcePermission allowed) {
        List<RawRecord> records;
        try {
            records = split(format, bytes);
        } catch (RejectedInputException e) {
            return single(format, reject(e, bytes, 1, origin, format, dryRun), dryRun);
        } catch (RuntimeException | StackOverflowError e) {
            return single(format, reject(unexpected(e), bytes, 1, origin, format, dryRun), dryRun);
        }
        return process(format, records, origin, dryRun, allowed);
    }

    public Result process(InputFormat format, List<RawRecord> records, String origin, boolean dryRun) {
        return process(format, records, origin, dryRun, SourcePermission.ANY);
    }

    private Result process(InputFormat format, List<RawRecord> records, String origin, boolean dryRun,
                           SourcePermission allowed) {
        List<Outcome> out = new ArrayList<>(records.size());
        // a dry run decides as the real send would, earlier records of the batch included, and remembers nothing
        Map<UUID, Deduplicator.Entry> scratch = dryRun ? new HashMap<>() : null;
        for (RawRecord r : records) {
            out.addAll(one(format, r, origin, scratch, allowed));
        }
        return new Result(out, format.id(), records.size(), dryRun);
    }

    /** The outcome of one record refused as a whole. */
    private static Result single(InputFormat format, Outcome outcome, boolean dryRun) {
        return new Result(List.of(outcome), format.id(), 1, dryRun);
    }

    /** Splits a batch into records. */
    public static List<RawRecord> split(InputFormat format, byte[] bytes) {
        if (format == InputFormat.ACLED) {
            return splitAcled(bytes);
        }
        return splitJson(bytes);
    }

    /**
     * ACLED records: a CSV document, or (as ACLED's own API returns them) JSON — one object, an array or NDJSON —
     * with the codebook's field names. JSON starts with a brace or bracket, which no CSV row or header does.
     */
    private static List<RawRecord> splitAcled(byte[] bytes) {
        if (!readsAsJson(InputFormat.ACLED, bytes)) {
            return AcledCsv.split(bytes);
        }
        // an element that is no object ("[1]") is read as JSON all the same (and refused as such), not as a CSV row
        return splitJson(bytes).stream().map(r -> new String(r.bytes(), StandardCharsets.UTF_8).stripLeading()
                .startsWith("{") ? r : new RawRecord(r.line(), ("[" + new String(r.bytes(), StandardCharsets.UTF_8) + "]")
                .getBytes(StandardCharsets.UTF_8), r.original())).toList();
    }

    /**
     * Whether a body of {@code format} is read as JSON (one object, an array or NDJSON): always for canonical reports
     * and statements; for ACLED when it starts with a brace or bracket (after a byte order mark and blanks),
     * otherwise it is a CSV document, whose rows are a batch even when there is one.
     */
    public static boolean readsAsJson(InputFormat format, byte[] bytes) {
        if (format != InputFormat.ACLED) {
            return true;
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }

    /** One JSON object, a JSON array or NDJSON. */
    private static List<RawRecord> splitJson(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw new RejectedInputException(RejectReason.MALFORMED, "empty body");
        }
        if (text.startsWith("[")) {
            JsonNode array;
            try {
                array = Json.tree(bytes);
            } catch (JsonReadException e) {
                throw new RejectedInputException(RejectReason.MALFORMED, e.getMessage());
            }
            List<RawRecord> out = new ArrayList<>();
            int i = 0;
            for (JsonNode element : array) {
                out.add(new RawRecord(++i, Json.mapper().writeValueAsBytes(element)));
            }
            if (out.isEmpty()) { // an empty array would otherwise be answered with nothing at all
                throw new RejectedInputException(RejectReason.MALFORMED, "an empty JSON array: no records");
            }
            return out;
        }
        String[] lines = text.split("\r\n|\r|\n"); // CRLF, LF and (from old tools) a lone CR
        List<RawRecord> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                out.add(new RawRecord(i + 1, lines[i].getBytes(StandardCharsets.UTF_8)));
            }
        }
        if (out.size() > 1 && isOneObject(bytes)) {
            return List.of(new RawRecord(1, bytes));
        }
        return out;
    }

    private static boolean isOneObject(byte[] bytes) {
        try {
            return Json.tree(bytes).isObject();
        } catch (JsonReadException e) {
            return false;
        }
    }

    /** The outcomes of one record: one, or one per report when the record gives several (see ReportNormalizer). */
    private List<Outcome> one(InputFormat format, RawRecord record, String origin,
                              Map<UUID, Deduplicator.Entry> dryRunScratch, SourcePermission allowed) {
        boolean dryRun = dryRunScratch != null;
        RejectedInputException large = sizeProblem(record.original());
        if (large != null) {
            return List.of(reject(large, record.original(), record.line(), origin, format, dryRun));
        }
        Timer.Sample sample = Timer.start();
        try {
            ReportNormalizer normalizer = normalizers.get(format);
            if (normalizer == null) {
                throw new RejectedInputException(RejectReason.UNSUPPORTED_FORMAT, "no normaliser for " + format.id());
            }
            OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
            // partner text held to what renderers may show (http/https links, no control or bidi characters)
            List<Violation> warnings = new ArrayList<>();
            List<IncidentReport> reports = normalizer.normalizeAll(record.bytes(), now).stream()
                    .map(r -> PartnerText.check(r, format, warnings)).toList();
            for (IncidentReport report : reports) { // every report is checked before any is remembered
                checkTime(report, now, format);
                List<JsonSchemas.Violation> invalid = JsonSchemas.validate(JsonSchemas.INCIDENT_REPORT,
                        Json.write(report));
                if (!invalid.isEmpty()) {
                    throw RejectedInputException.violations(invalid.stream()
                            .map(v -> Violation.fromSchema(v.path(), v.message())).toList());
                }
                String source = report.source().id();
                boolean registered = registry.byId(source).isPresent();
                if (!allowed.allows(format, source, registered)) {
                    throw new RejectedInputException(RejectReason.SOURCE_NOT_ALLOWED,
                            allowed.refusal(format, source, registered),
                            List.of(new Violation("$.source.id", "not a source this partner may send")));
                }
                String conflict = deduplicator.conflict(report, dryRunScratch);
                if (conflict != null) {
                    throw new RejectedInputException(RejectReason.CORRECTION_CONFLICT, conflict,
                            List.of(new Violation(conflict.startsWith("stance") ? "$.stance" : "$.source",
                                    "a correction may not change it")));
                }
            }
            List<Outcome> out = new ArrayList<>(reports.size());
            for (IncidentReport report : reports) {
                Decision decision = dryRun ? deduplicator.peek(report, dryRunScratch) : deduplicator.offer(report);
                if (dryRun) { // the real send counts its outcomes once they are settled (countSent, countSettled)
                    metrics.dryRun(format.id(), decision.disposition().name());
                }
                // the record's warnings go with its first report only (a denial's counter-claim has the same url)
                out.add(new Outcome(record.line(), decision.disposition(), decision.report(), null, decision,
                        out.isEmpty() ? warnings : List.of()));
            }
            return out;
        } catch (RejectedInputException e) {
            return List.of(reject(e, record.original(), record.line(), origin, format, dryRun));
        } catch (RuntimeException | StackOverflowError e) {
            return List.of(reject(unexpected(e), record.original(), record.line(), origin, format, dryRun));
        } finally {
            sample.stop(metrics.normalizeTimer(format.id()));
        }
    }

    /**
     * An unexpected failure on one record, parked as {@code PROCESSING_ERROR} instead of escaping: an exception would
     * make the binder retry the record, and an {@link Error} would stop the listener container and block the
     * partition. A {@link StackOverflowError} (a pattern recursing on some text) is the one error caught: its stack
     * is unwound by the time it lands here, so the thread is fine; other errors (out of memory) still propagate.
     */
    private static RejectedInputException unexpected(Throwable e) {
        String detail = e instanceof StackOverflowError
                ? "the text rules ran out of stack on this record (StackOverflowError)" : e.toString();
        return new RejectedInputException(RejectReason.PROCESSING_ERROR, detail);
    }

    /**
     * Counts a report the broker confirmed: {@code normalized{source,stance}}, and a correction. Called by whoever
     * publishes, after the send, so a report the broker refuses is never counted (its record's retry decides afresh).
     */
    public void countSent(Outcome outcome) {
        if (!outcome.published()) {
            return;
        }
        IncidentReport report = outcome.report();
        String source = SourceRegistry.isRegisteredId(report.source().id()) ? report.source().id() : OTHER_SOURCE;
        metrics.normalized(source, report.stance().name());
        if (outcome.disposition() == Disposition.CORRECTION) {
            metrics.correction();
        }
    }

    /**
     * Counts what a result's records came to once everything of it was sent (reports and rejections): each record
     * once as received, each rejection, each dropped duplicate. A record whose sends fail is counted by neither this
     * nor {@link #countSent} for that attempt: its retry is counted, or its parking ({@link #parked}). Dry runs were
     * counted on their own meter already.
     */
    public void countSettled(Result result) {
        if (result.dryRun()) {
            return;
        }
        for (int i = 0; i < result.received(); i++) {
            metrics.received(result.format());
        }
        for (Outcome o : result.outcomes()) {
            if (o.rejection() != null) {
                metrics.rejected(o.rejection().reason().name());
            } else if (o.disposition() == Disposition.DUPLICATE) {
                metrics.duplicate();
            }
            o.warnings().forEach(w -> metrics.droppedField(result.format(), w.field()));
        }
    }

    /** Counts a result with nothing to send (the offline command): every report as sent, then the rest. */
    public void countAll(Result result) {
        if (!result.dryRun()) {
            result.outcomes().forEach(this::countSent);
        }
        countSettled(result);
    }

    private void checkTime(IncidentReport report, OffsetDateTime now, InputFormat format) {
        OffsetDateTime latest = now.plus(limits.clockSkew());
        if (report.publishedAt().isAfter(latest)) {
            throw new RejectedInputException(RejectReason.TIME_OUT_OF_RANGE, "publishedAt " + report.publishedAt()
                    + " is more than " + limits.clockSkew() + " in the future",
                    List.of(new Violation("$.publishedAt", "is in the future")));
        }
        if (report.occurredAt().isAfter(latest)) {
            throw new RejectedInputException(RejectReason.TIME_OUT_OF_RANGE, "occurredAt " + report.occurredAt()
                    + " is more than " + limits.clockSkew() + " in the future",
                    List.of(new Violation("$.occurredAt", "is in the future")));
        }
        if (report.publishedAt().isBefore(limits.earliest())) {
            throw new RejectedInputException(RejectReason.TIME_OUT_OF_RANGE, "publishedAt " + report.publishedAt()
                    + " is before " + limits.earliest(),
                    List.of(new Violation("$.publishedAt", "is before " + limits.earliest())));
        }
        EventAfterPublication.check(report, format, limits.occurredAfterPublished());
    }

    /** The most bytes a JSON escape takes for one byte of content ({@code \\u0020} for a space). */
    static final int MAX_ESCAPE_FACTOR = 6;

    /**
     * Null when the record is within {@code maxRecordBytes}: as sent, or — a JSON record — as its content, written
     * as compact UTF-8 JSON without optional escapes. The limit bounds what a record holds, not how its sender encoded
     * it: a statement of 20,000 characters whose encoder wrote each space or no-break space as {@code \\u0020} /
     * {@code \\u00a0} (six bytes for one character) is 120 KB as sent and 20 KB of content. Otherwise the
     * {@code TOO_LARGE} refusal, naming both sizes and the limit.
     */
    private RejectedInputException sizeProblem(byte[] bytes) {
        int max = limits.maxRecordBytes();
        if (bytes.length <= max) {
            return null;
        }
        int content = jsonContentBytes(bytes, max);
        if (content >= 0 && content <= max) {
            return null;
        }
        String asContent = content < 0 || content == bytes.length ? ""
                : " (" + content + " as compact JSON)";
        return new RejectedInputException(RejectReason.TOO_LARGE, bytes.length + " bytes" + asContent
                + ", more than the record limit of " + max
                + " bytes (ingest.max-record-size; the command's --max-record-bytes)");
    }

    /**
     * The size of a JSON record's content written as compact UTF-8 JSON, or -1 when it is no JSON object or array,
     * does not parse, or is too large for its escapes alone to explain ({@link #MAX_ESCAPE_FACTOR} times the limit:
     * then it is not read at all).
     */
    private static int jsonContentBytes(byte[] bytes, int max) {
        if (bytes.length > (long) max * MAX_ESCAPE_FACTOR) {
            return -1;
        }
        String start = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return -1;
        }
        try {
            return Json.mapper().writeValueAsBytes(Json.tree(bytes)).length;
        } catch (RuntimeException e) { // not JSON (it is refused as too large, by its size as sent)
            return -1;
        }
    }

    /**
     * A raw record refused before it is read (a tombstone: a record without a value), counted as received and
     * rejected like any other once its rejection is sent.
     */
    public Result refuse(InputFormat format, RejectReason reason, String detail, byte[] original, String origin) {
        return single(format, reject(new RejectedInputException(reason, detail),
                original == null ? new byte[0] : original, 1, origin, format, false), false);
    }

    /**
     * Counts a raw record parked on the rejected topic after its attempts, outside the pipeline (its reports could
     * not be published): received once (ACLED: once per row, as when it is settled) and rejected once; none of its
     * failed attempts was counted. {@code format} is null when the record's topic is no raw topic of a known format.
     */
    public void parked(InputFormat format, byte[] bytes, RejectReason reason) {
        int records = 1;
        if (format == InputFormat.ACLED && bytes != null && bytes.length > 0) {
            try {
                records = Math.max(1, splitAcled(bytes).size());
            } catch (RuntimeException e) {
                records = 1;
            }
        }
        for (int i = 0; i < records; i++) {
            metrics.received(format == null ? IngestMetrics.UNKNOWN_FORMAT : format.id());
        }
        metrics.rejected(reason.name());
    }

    /**
     * Counts a request refused as a whole before it reaches the pipeline (HTTP: an unknown format, a body above the
     * batch limit) like any other rejection: {@code format} is the one asked for ("unknown" if it is none).
     */
    public void refusedRequest(String format, RejectReason reason, boolean dryRun) {
        received(format, dryRun);
        rejected(format, reason, dryRun);
    }

    /** Dry runs are counted on their own meter, never as received or rejected (alerts watch those). */
    private void received(String format, boolean dryRun) {
        if (!dryRun) {
            metrics.received(format);
        }
    }

    private void rejected(String format, RejectReason reason, boolean dryRun) {
        if (dryRun) {
            metrics.dryRun(format, reason.name());
        } else {
            metrics.rejected(reason.name());
        }
    }

    private Outcome reject(RejectedInputException e, byte[] bytes, int line, String origin, InputFormat format,
                           boolean dryRun) {
        if (dryRun) { // a real rejection is counted once it is sent (countSettled)
            metrics.dryRun(format.id(), e.reason().name());
        }
        return new Outcome(line, null, null,
                new Rejection(e.reason(), e.getMessage(), e.violations(), bytes, line, origin), null);
    }
}
