package org.borderwatch.ingest.api;

import org.borderwatch.common.json.Json;
import org.borderwatch.common.model.IncidentReport;
import org.borderwatch.ingest.IngestCore;
import org.borderwatch.ingest.config.IngestProperties;
import org.borderwatch.ingest.metrics.IngestMetrics;
import org.borderwatch.ingest.config.IngestProperties.ApiKey;
import org.borderwatch.ingest.pipeline.IngestPipeline;
import org.borderwatch.ingest.pipeline.IngestPipeline.Outcome;
import org.borderwatch.ingest.pipeline.InputFormat;
import org.borderwatch.ingest.pipeline.RejectReason;
import org.borderwatch.ingest.pipeline.Rejection;
import org.borderwatch.ingest.pipeline.Violation;
import org.borderwatch.ingest.stream.PublishFailedException;
import org.borderwatch.ingest.stream.ReportPublisher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/v1/reports/{format}}: one JSON object, a JSON array, NDJSON, or a CSV document. Answers 202 with
 * the report ids (and per-line rejections for a batch), 400 problem+json naming the bad fields of a single record,
 * 401 without a known API key, 403 for a format the partner may not send, 413 above the batch size limit. With
 * {@code ?dryRun=true} the canonical reports come back (200) and nothing is published or remembered. Every
 * rejection of an authenticated request also goes to the rejected topic with {@code bw-source: http} and
 * {@code bw-partner} (the key's partner name). A report of a registry source needs the key's grant in every format.
 */
@RestController
@Tag(name = "reports", description = "Partner uploads: canonical reports, statements as text, ACLED rows")
public class ReportsController {

    static final String ORIGIN = "http";
    private static final Logger log = LoggerFactory.getLogger(ReportsController.class);
    /** The media types a report body may have (a body without Content-Type is read as sent, too). */
    static final String ACCEPTED_TYPES = "application/json, application/x-ndjson, text/csv";
    private static final String STATEMENT_EXAMPLE = "{\"sourceRef\": \"az-mod-2025-03-16-a\", "
            + "\"source\": \"Ministry of Defence of Azerbaijan\", \"publishedAt\": \"2025-03-16T10:20:00+04:00\", "
            + "\"language\": \"en\", \"text\": \"At 09:35 on 16 March, Armenian armed forces units near Digh "
            + "settlement opened small-arms fire on our positions facing Lachin.\", "
            + "\"url\": \"https://example.org/az-mod/2025-03-16-a\"}";
    private static final String STATEMENT_EXAMPLE_2 = "{\"sourceRef\": \"euma-2025-03-18\", \"source\": \"EUMA\", "
            + "\"publishedAt\": \"2025-03-18T12:00:00+04:00\", \"language\": \"en\", \"text\": \"EUMA patrols on "
            + "16 and 17 March in Syunik and Gegharkunik observed no incidents.\"}";
    private static final String ACLED_EXAMPLE = "event_id_cnty,event_date,time_precision,event_type,sub_event_type,"
            + "actor1,admin1,location,latitude,longitude,notes,fatalities,timestamp\n"
            + "ARM1001,2024-02-13,1,Battles,Armed clash,Military Forces of Azerbaijan (2003-),Syunik,Nerkin Hand,"
            + "39.1,46.4,\"Four soldiers killed.\",4,1707800000\n";

    private final IngestCore core;
    private final ReportPublisher publisher;
    private final IngestProperties properties;
    private final ApiKeys keys;

    public ReportsController(IngestCore core, ReportPublisher publisher, IngestProperties properties) {
        this.core = core;
        this.publisher = publisher;
        this.properties = properties;
        this.keys = new ApiKeys(properties.api());
    }

    /** One accepted report in a response. */
    public record Accepted(int line, UUID reportId, int revision, String disposition) {
    }

    /** One refused record in a response. */
    public record Refused(int line, RejectReason reason, String detail, List<Violation> errors) {
        static Refused of(Rejection r) {
            return new Refused(r.line(), r.reason(), r.detail(), r.violations());
        }
    }

    /**
     * The 202 answer. {@code warnings}: fields dropped from accepted records (a statement's url that is no absolute
     * http(s) link), by line; the record itself was accepted.
     */
    public record Receipt(String partner, List<Accepted> accepted, List<Accepted> duplicates, List<Refused> rejections,
                          List<IngestPipeline.Warning> warnings) {
    }

    /**
     * The dry-run answer: the canonical reports as they would be published, the records the real send would answer
     * as duplicates (of memory, or of an earlier line of the same batch), the rejections and the warnings.
     */
    public record DryRun(List<IncidentReport> reports, List<Accepted> duplicates, List<Refused> rejections,
                         List<IngestPipeline.Warning> warnings) {
    }

    @Operation(operationId = "postReports", summary = "Send one report or a batch in one of the partner formats",
            description = "One JSON object, a JSON array, NDJSON (one object per line) or, for acled, a CSV document "
                    + "(header line optional). A body with several records is a batch: every line is answered on "
                    + "its own (`line` = the file line; a JSON array's element number). A single refused record is "
                    + "a 400 problem naming each bad field. Every rejection of an authenticated request (dry runs "
                    + "aside) is also recorded on the rejected topic. A denial that also accuses the other side gives "
                    + "two accepted reports for its line. A statement whose url is no absolute http(s) link is "
                    + "accepted without it, with a `warnings` entry naming $.url (a canonical report is refused). "
                    + "A report whose event starts after its own publishedAt "
                    + "(beyond ingest.occurred-after-published and its time precision) is TIME_OUT_OF_RANGE.\n\n"
                    + "Late and historical data: the classifier correlates reports by publication time, not by "
                    + "arrival. A report published more than classifier.grace (7 days) behind the newest publishedAt "
                    + "it has read is assessed alone (its own closed assessment, not joined to its incident), and "
                    + "202 does not say so. Send history in publication order before live data, or assess it apart "
                    + "(the offline normalize and replay commands, or a separate deployment).",
            security = @SecurityRequirement(name = OpenApiConfiguration.SECURITY_SCHEME),
            parameters = {
                    @Parameter(name = "format", in = ParameterIn.PATH, required = true,
                            description = "canonical: an IncidentReport as common's canonical-input.schema.json describes it "
                                    + "(reportId, receivedAt and revision may be left out; a rejection names that schema); "
                                    + "statement: an official statement as text; acled: ACLED CSV rows, or JSON "
                                    + "records with the codebook's field names",
                            schema = @Schema(type = "string", allowableValues = {"canonical", "statement", "acled"})),
                    @Parameter(name = "dryRun", in = ParameterIn.QUERY,
                            description = "true: answer 200 with the canonical reports as they would be published, "
                                    + "the duplicates and the rejections; nothing is published, recorded or "
                                    + "remembered by de-duplication",
                            schema = @Schema(type = "boolean", defaultValue = "false"))},
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "The records. Over " + "ingest.max-batch-size (5 MB) the request is a 413; a record "
                            + "(or line) over ingest.max-record-size (64 KB) is refused as TOO_LARGE (a JSON record is "
                            + "measured as its content: JSON escapes such as \\u0020 do not count).",
                    content = {
                            @Content(mediaType = "application/json", schema = @Schema(type = "string"),
                                    examples = @ExampleObject(name = "statement", summary = "one statement",
                                            value = STATEMENT_EXAMPLE)),
                            @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"),
                                    examples = @ExampleObject(name = "statements", summary = "NDJSON batch",
                                            value = STATEMENT_EXAMPLE + "\n" + STATEMENT_EXAMPLE_2)),
                            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                                    examples = @ExampleObject(name = "acled", summary = "ACLED rows with a header",
                                            value = ACLED_EXAMPLE))}),
            responses = {
                    @ApiResponse(responseCode = "202", description = "Accepted: report ids, duplicates, the "
                            + "per-line rejections of a batch and the fields dropped from accepted records",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = Receipt.class))),
                    @ApiResponse(responseCode = "200", description = "Dry run: the canonical reports, nothing published",
                            content = @Content(mediaType = "application/json",
                                    schema = @Schema(implementation = DryRun.class))),
                    @ApiResponse(responseCode = "400", description = "A single record refused (reason, errors per "
                            + "field; SOURCE_NOT_ALLOWED: a report of a registry source the key's sources do not "
                            + "grant, in any format), an unknown format (UNSUPPORTED_FORMAT), or a query parameter "
                            + "of the wrong type",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class))),
                    @ApiResponse(responseCode = "401", description = "No or unknown API key; nothing recorded",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class))),
                    @ApiResponse(responseCode = "403", description = "The key may not send this format "
                            + "(recorded on the rejected topic as UNSUPPORTED_FORMAT)",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class))),
                    @ApiResponse(responseCode = "413", description = "Body above ingest.max-batch-size (TOO_LARGE)",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class))),
                    @ApiResponse(responseCode = "415", description = "A form body (what curl -d sends by default; "
                            + "recorded on the rejected topic as UNSUPPORTED_FORMAT)",
                            headers = @Header(name = "Accept-Post", description = "the accepted types",
                                    schema = @Schema(type = "string", example = ACCEPTED_TYPES)),
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class))),
                    @ApiResponse(responseCode = "500", description = "A bug: problem with an errorId to quote",
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class))),
                    @ApiResponse(responseCode = "503", description = "The broker did not confirm the send within "
                            + "ingest.publish-timeout; the reports may or may not have been published, and retrying "
                            + "the same request is safe (ids are derived from the content)",
                            headers = @Header(name = "Retry-After", description = "seconds (ingest.retry-after)",
                                    schema = @Schema(type = "integer")),
                            content = @Content(mediaType = "application/problem+json",
                                    schema = @Schema(implementation = ApiProblem.class)))})
    @PostMapping(path = "/api/v1/reports/{format}")
    public ResponseEntity<?> post(@PathVariable String format,
                                  @Parameter(hidden = true) @RequestHeader HttpHeaders headers,
                                  @Parameter(hidden = true) HttpServletRequest request) throws IOException {
        // Nothing of the body is read before the key is checked, and never more than the limit (+1) after: the body
        // is not a @RequestBody (the framework would read all of it first) and dryRun is read from the query string
        // only (a request parameter lookup would make the container parse a form body).
        Optional<ApiKey> partner = keys.partner(headers.getFirst(properties.api().header()));
        if (partner.isEmpty()) {
            return problem(HttpStatus.UNAUTHORIZED, "Missing or unknown API key",
                    "send a valid key in the " + properties.api().header() + " header", null, List.of());
        }
        Optional<InputFormat> parsed = InputFormat.parse(format);
        String formatTag = parsed.map(InputFormat::id).orElse(IngestMetrics.UNKNOWN_FORMAT);
        String dryRunValue = RequestBodies.queryParameter(request.getQueryString(), "dryRun");
        Optional<Boolean> flag = RequestBodies.flag(dryRunValue);
        if (flag.isEmpty()) {
            // not known to be a dry run, so recorded like any refused request
            String detail = "'dryRun' must be true or false, not '" + (dryRunValue.length() > 80
                    ? dryRunValue.substring(0, 80) + "…" : dryRunValue) + "'";
            return refusedRequest(request, formatTag, RejectReason.MALFORMED, detail, false, partner.get(),
                    problem(HttpStatus.BAD_REQUEST, "Invalid request", detail, null, List.of()));
        }
        boolean dryRun = flag.get();
        MediaType type = headers.getContentType();
        if (type != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(type)
                || MediaType.MULTIPART_FORM_DATA.includes(type))) {
            // a form body reaches us re-encoded from the parsed parameters, not as sent: refuse rather than guess
            String detail = "Content-Type " + type + " is not accepted; send the body as "
                    + ACCEPTED_TYPES + " (curl -d sends a form by default: add -H 'Content-Type: "
                    + "application/json' and use --data-binary to keep line breaks)";
            ResponseEntity<ProblemDetail> refused = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Unsupported media type", detail, null, List.of());
            return refusedRequest(request, formatTag, RejectReason.UNSUPPORTED_FORMAT, detail, dryRun, partner.get(),
                    ResponseEntity.status(refused.getStatusCode()).headers(refused.getHeaders())
                            .header("Accept-Post", ACCEPTED_TYPES).body(refused.getBody()));
        }
        long max = properties.maxBatchSize().toBytes();
        if (parsed.isEmpty()) {
            return refusedRequest(request, formatTag, RejectReason.UNSUPPORTED_FORMAT,
                    "unknown format '" + format + "'", dryRun, partner.get(),
                    problem(HttpStatus.BAD_REQUEST, "Unsupported format",
                            "'" + format + "' is not one of canonical, statement, acled",
                            RejectReason.UNSUPPORTED_FORMAT,
                            List.of(new Violation("format", "must be canonical, statement or acled"))));
        }
        InputFormat f = parsed.get();
        if (!ApiKeys.allows(partner.get(), f)) {
            String detail = "partner '" + partner.get().partner() + "' may not send " + f.id();
            return refusedRequest(request, formatTag, RejectReason.UNSUPPORTED_FORMAT,
                    detail + " (its key's formats do not include it)", dryRun, partner.get(),
                    problem(HttpStatus.FORBIDDEN, "Format not allowed", detail, null, List.of()));
        }
        long declared = request.getContentLengthLong();
        if (declared > max) {
            // refused on the header alone; min(limit, max-payload) + 1 bytes at most are read (only for a real
            // send), of which the rejected record keeps at most max-payload (tooLarge)
            byte[] prefix = dryRun ? new byte[0] : RequestBodies.readAtMost(request.getInputStream(),
                    Math.min(max, properties.rejected().maxPayload().toBytes()) + 1);
            return tooLarge(f, "Content-Length " + declared + " bytes, more than the batch limit of " + max
                    + " (only the first " + prefix.length + " bytes were read)", prefix, dryRun, partner.get());
        }
        byte[] payload = RequestBodies.readAtMost(request.getInputStream(), max + 1);
        if (payload.length > max) { // a chunked body (no Content-Length) or one longer than it said
            return tooLarge(f, "more than the batch limit of " + max + " bytes (reading stopped after "
                    + payload.length + " bytes)", payload, dryRun, partner.get());
        }

        IngestPipeline.Result result = core.pipeline().processBatch(f, payload, ORIGIN, dryRun,
                partner.get().permission());
        List<Refused> refused = result.rejections().stream().map(Refused::of).toList();
        if (dryRun) {
            List<IncidentReport> reports = result.outcomes().stream().filter(Outcome::published)
                    .map(Outcome::report).toList();
            // written with the events' own mapping, so times keep their offsets exactly as on the topic
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(Json.write(new DryRun(reports, duplicates(result), refused, result.warnings())));
        }
        publisher.publish(result, partner.get().partner());

        // one JSON record (ACLED's too, as its API returns them) refused is a 400; a CSV document is rows, a batch
        boolean single = result.outcomes().size() == 1 && IngestPipeline.readsAsJson(f, payload)
                && !isBatchType(headers);
        if (single && !result.rejections().isEmpty()) {
            Rejection r = result.rejections().get(0);
            return problem(HttpStatus.BAD_REQUEST, "Report rejected", r.detail(), r.reason(), r.violations());
        }
        List<Accepted> accepted = result.outcomes().stream().filter(Outcome::published)
                .map(o -> new Accepted(o.line(), o.report().reportId(), o.report().revision(),
                        o.disposition().name()))
                .toList();
        return ResponseEntity.accepted()
                .body(new Receipt(partner.get().partner(), accepted, duplicates(result), refused, result.warnings()));
    }

    /**
     * The broker did not confirm a send within {@code ingest.publish-timeout}: 503 with {@code Retry-After}. The
     * records may or may not have been stored; report ids are deterministic, so a retry is safe (answered as
     * accepted, or as duplicate if the first attempt did get through).
     */
    @ExceptionHandler(PublishFailedException.class)
    ResponseEntity<ProblemDetail> brokerUnavailable(PublishFailedException e) {
        log.warn("publish failed: {}", e.getMessage(), e.getCause());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The message broker did not confirm the send (" + e.getMessage() + "). The reports may or may not"
                        + " have been published; retrying the same request is safe: report ids are derived from"
                        + " the content, so a retry is answered as accepted or as duplicate.");
        p.setTitle("Broker unavailable");
        p.setType(Problems.BROKER_UNAVAILABLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, properties.retryAfter().toSeconds())))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private ResponseEntity<ProblemDetail> tooLarge(InputFormat f, String detail, byte[] read, boolean dryRun,
                                                   ApiKey partner) {
        reject(RejectReason.TOO_LARGE, detail, RequestBodies.keptForRecord(read,
                properties.rejected().maxPayload().toBytes()), dryRun, partner.partner());
        core.pipeline().refusedRequest(f.id(), RejectReason.TOO_LARGE, dryRun);
        return problem(HttpStatus.CONTENT_TOO_LARGE, "Body too large", "the limit is "
                + properties.maxBatchSize().toBytes() + " bytes", RejectReason.TOO_LARGE, List.of());
    }

    private static List<Accepted> duplicates(IngestPipeline.Result result) {
        return result.outcomes().stream()
                .filter(o -> o.report() != null && !o.published())
                .map(o -> new Accepted(o.line(), o.report().reportId(), o.report().revision(),
                        o.disposition().name()))
                .toList();
    }

    private static boolean isBatchType(HttpHeaders headers) {
        MediaType type = headers.getContentType();
        return type != null && (type.getSubtype().contains("ndjson") || type.getSubtype().contains("jsonl")
                || type.getSubtype().equals("csv"));
    }

    /**
     * A request refused as a whole before its body is read (a bad {@code dryRun}, a form body, an unknown format, a
     * format the key may not send): recorded on the rejected topic with the first
     * {@code min(max-batch-size, rejected.max-payload)} + 1 bytes of the body — read only for that, and not for a dry
     * run, which records nothing — and counted once sent; then {@code answer}.
     */
    private <T> ResponseEntity<T> refusedRequest(HttpServletRequest request, String formatTag, RejectReason reason,
                                                 String detail, boolean dryRun, ApiKey partner,
                                                 ResponseEntity<T> answer) throws IOException {
        byte[] prefix = dryRun ? new byte[0] : RequestBodies.readAtMost(request.getInputStream(),
                Math.min(properties.maxBatchSize().toBytes(), properties.rejected().maxPayload().toBytes()) + 1);
        reject(reason, detail, prefix, dryRun, partner.partner());
        core.pipeline().refusedRequest(formatTag, reason, dryRun); // counted once sent
        return answer;
    }

    private void reject(RejectReason reason, String detail, byte[] payload, boolean dryRun, String partner) {
        if (!dryRun) {
            publisher.rejection(new Rejection(reason, detail, List.of(), payload, 1, ORIGIN), partner);
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
                                                         RejectReason reason, List<Violation> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        // every problem has a type: rejected input shares one (told apart by reason), the others are named by status
        p.setType(reason != null ? Problems.REJECTED_INPUT : Problems.type(status));
        if (reason != null) {
            p.setProperty("reason", reason.name());
        }
        if (!errors.isEmpty()) {
            p.setProperty("errors", errors.stream().map(v -> Map.of("field", v.field(), "message", v.message()))
                    .toList());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
