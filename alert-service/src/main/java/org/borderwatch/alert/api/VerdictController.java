package org.borderwatch.alert.api;

import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
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

    public VerdictController(VerdictStore verdicts, AlertDispatcher dispatcher, AuditStore audit, Clock clock) {
        this.verdicts = verdicts;
        this.dispatcher = dispatcher;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Latest verdict per incident, newest event time first")
    public org.springframework.http.ResponseEntity<List<Views.VerdictSummary>> list(
                                           @RequestParam(required = false) BorderSegment segment,
                                           @RequestParam(required = false) Occurrence occurrence,
                                           @RequestParam(required = false) Severity severity,
                                           @RequestParam(required = false) SignalType signal,
                                           @RequestParam(required = false) Instant from,
                                           @RequestParam(required = false) Instant to,
                                           @RequestParam(defaultValue = "0") int page,
                                           @RequestParam(defaultValue = "50") int size,
                                           jakarta.servlet.http.HttpServletRequest request) {
        if (page < 0 || size < 1 || size > 500) {
            throw ApiException.badRequest("Invalid paging", List.of("page >= 0 and 1 <= size <= 500"));
        }
        VerdictStore.VerdictQuery query = new VerdictStore.VerdictQuery(name(segment), name(occurrence),
                name(severity), name(signal), from, to, page, size);
        List<Views.VerdictSummary> found = verdicts.list(query).stream().map(Views.VerdictSummary::of).toList();
        long total = verdicts.count(query);
        // the body stays a plain list; the total and the neighbouring pages travel in headers (RFC 8288 links)
        return PageLinks.ok(request, page, size, total).body(found);
    }

    @GetMapping("/{incidentId}")
    @Operation(summary = "A verdict with the person's review first, its rationale and every version")
    public Views.VerdictDetail detail(@PathVariable UUID incidentId) {
        var v = verdicts.find(incidentId).orElseThrow(() -> ApiException.notFound("incident " + incidentId));
        return new Views.VerdictDetail(v.review(), AlertLifecycle.alertIdOf(incidentId), v.reviews(),
                v.latest().rationale(), v.latest(), verdicts.history(incidentId));
    }

    @PostMapping("/{incidentId}/review")
    @Operation(summary = "Record a human occurrence/attribution with a note; audited and sent as an update")
    public Views.VerdictDetail review(@PathVariable UUID incidentId, @RequestBody Views.ReviewRequest request,
                                      Authentication auth) {
        List<String> problems = new ArrayList<>();
        if (request.occurrence() == null) {
            problems.add("occurrence is required");
        }
        if (request.note() == null || request.note().isBlank()) {
            problems.add("note is required");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Review refused", problems);
        }
        if (verdicts.find(incidentId).isEmpty()) {
            throw ApiException.notFound("incident " + incidentId);
        }
        Review review = new Review(request.occurrence(), request.attribution(), request.note().trim(),
                Callers.name(auth), OffsetDateTime.now(clock));
        dispatcher.onReview(incidentId, review);
        audit.record(Callers.name(auth), "review", "incident:" + incidentId,
                review.occurrence() + (review.attribution() == null ? "" : "/" + review.attribution()) + ": "
                        + review.note(), clock.instant());
        return detail(incidentId);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
