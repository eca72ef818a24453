package org.borderwatch.alert.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.VerdictStore;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Review;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/verdicts")
@Tag(name = "verdicts", description = "The classifier's verdicts, their history and staff reviews")
public class VerdictController {

    private final VerdictStore verdicts;
    private final AlertDispatcher dispatcher;
    private final AuditStore audit;
    private final Clock clock;
    private final org.borderwatch.alert.store.AlertStore alerts;
    private final int maxPageSize;

    public VerdictController(VerdictStore verdicts, AlertDispatcher dispatcher, AuditStore audit, Clock clock,
                             org.borderwatch.alert.store.AlertStore alerts,
                             org.borderwatch.alert.AlertProperties properties) {
        this.maxPageSize = properties.api().maxPageSize();
        this.verdicts = verdicts;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock;
        this.alerts = alerts;
    }

    /**
     * The 404 of an unknown incident; an alert's id where the incident's is meant (the opposite mistake of the ack
     * endpoint's) says so and names the incident.
     */
    private ApiException incidentNotFound(UUID id) {
        return alerts.find(id).map(a -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "not-found",
                "Not found", "incident " + id + " does not exist: " + id + " is an alert id; the incident of that "
                        + "alert is " + a.state().incidentId(), null))
                .orElseGet(() -> ApiException.notFound("incident " + id));
    }

    @GetMapping
    @Operation(summary = "Latest verdict per incident, newest event time first. A query parameter this endpoint "
            + "does not take is a 400 naming the allowed ones")
    @ApiResponse(responseCode = "200", description = "The page's verdicts", useReturnTypeSchema = true, headers = {
            @Header(name = PageLinks.TOTAL_COUNT, description = ApiDocs.TOTAL_COUNT_DOC,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = "Link", description = ApiDocs.LINK_DOC, schema = @Schema(type = "string"))})
    public ResponseEntity<List<Views.VerdictSummary>> list(
            @Parameter(description = ApiDocs.SEGMENTS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = BorderSegment.class)))
            @RequestParam(required = false) List<String> segment,
            @Parameter(description = ApiDocs.SEGMENTS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = BorderSegment.class)))
            @RequestParam(required = false) List<String> segments,
            @Parameter(description = ApiDocs.OCCURRENCES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Occurrence.class)))
            @RequestParam(required = false) List<String> occurrence,
            @Parameter(description = ApiDocs.OCCURRENCES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Occurrence.class)))
            @RequestParam(required = false) List<String> occurrences,
            @Parameter(description = ApiDocs.SEVERITIES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Severity.class)))
            @RequestParam(required = false) List<String> severity,
            @Parameter(description = ApiDocs.SEVERITIES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Severity.class)))
            @RequestParam(required = false) List<String> severities,
            @Parameter(description = ApiDocs.MIN_SEVERITY_DOC)
            @RequestParam(required = false) Severity minSeverity,
            @Parameter(description = ApiDocs.SIGNALS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = SignalType.class)))
            @RequestParam(required = false) List<String> signal,
            @Parameter(description = ApiDocs.SIGNALS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = SignalType.class)))
            @RequestParam(required = false) List<String> signals,
            @Parameter(description = ApiDocs.FROM_DOC, schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String from,
            @Parameter(description = ApiDocs.TO_DOC, schema = @Schema(type = "string", format = "date-time"))
            @RequestParam(required = false) String to,
            @Parameter(description = ApiDocs.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = ApiDocs.SIZE_DOC) @RequestParam(defaultValue = "50") int size,
            @Parameter(hidden = true) jakarta.servlet.http.HttpServletRequest request) {
        PageLinks.checkPaging(page, size, maxPageSize);
        QueryParameters.Window window = QueryParameters.window(from, to);
        VerdictStore.VerdictQuery query = new VerdictStore.VerdictQuery(
                QueryParameters.namesOrNull(QueryParameters.enums(BorderSegment.class, "segment", segment,
                        "segments", segments)),
                QueryParameters.namesOrNull(QueryParameters.enums(Occurrence.class, "occurrence", occurrence,
                        "occurrences", occurrences)),
                QueryParameters.severities(QueryParameters.enums(Severity.class, "severity", severity,
                        "severities", severities), minSeverity),
                QueryParameters.namesOrNull(QueryParameters.enums(SignalType.class, "signal", signal, "signals",
                        signals)),
                window.from(), window.to(), page, size);
        List<Views.VerdictSummary> found = verdicts.list(query).stream().map(Views.VerdictSummary::of).toList();
        long total = verdicts.count(query);
        // the body stays a plain list; the total and the neighbouring pages travel in headers (RFC 8288 links)
        return PageLinks.ok(request, page, size, total).body(found);
    }

    @GetMapping("/{incidentId}")
    @Operation(summary = "A verdict with the person's review first, its rationale and every version")
    @ApiDocs.ProblemResponses(404)
    public Views.VerdictDetail detail(@PathVariable UUID incidentId) {
        var v = verdicts.find(incidentId).orElseThrow(() -> incidentNotFound(incidentId));
        return new Views.VerdictDetail(v.review(), AlertLifecycle.alertIdOf(incidentId), v.reviews(),
                v.latest().rationale(), v.latest(), verdicts.history(incidentId));
    }

    @PostMapping("/{incidentId}/review")
    @Operation(summary = "Record a human occurrence/attribution with a note; audited and sent as an update")
    @ApiDocs.ProblemResponses(404)
    public Views.VerdictDetail review(@PathVariable UUID incidentId, @RequestBody Views.ReviewRequest request,
                                      Authentication auth) {
        List<String> problems = new ArrayList<>();
        if (request.occurrence() == null) {
            problems.add("occurrence is required");
        }
        if (request.note() == null || request.note().isBlank()) {
            problems.add("note is required");
        }
        org.borderwatch.alert.text.TextLimits.text("note", request.note()).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Review refused", problems);
        }
        if (verdicts.find(incidentId).isEmpty()) {
            throw incidentNotFound(incidentId);
        }
        Review review = new Review(request.occurrence(), request.attribution(), request.note().trim(),
                Callers.name(auth), OffsetDateTime.now(clock));
        dispatcher.onReview(incidentId, review);
        audit.record(Callers.name(auth), "review", "incident:" + incidentId,
                review.occurrence() + (review.attribution() == null ? "" : "/" + review.attribution()) + ": "
                        + review.note(), clock.instant());
        return detail(incidentId);
    }
}
