package org.borderwatch.alert.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borderwatch.alert.ack.Acknowledgements;
import org.borderwatch.alert.cap.CapRenderer;
import org.borderwatch.alert.cap.CapService;
import org.borderwatch.alert.delivery.stream.AlertStreamHub;
import org.borderwatch.alert.delivery.stream.StreamFilter;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.StoredAlert;
import org.borderwatch.alert.store.SubscriptionStore;
import org.borderwatch.alert.store.VerdictStore;
import org.borderwatch.common.model.AlertStatus;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/alerts")
@Tag(name = "alerts", description = "One alert per incident: messages, acknowledgements, deliveries, live stream")
public class AlertController {

    private final AlertStore alerts;
    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final AuditStore audit;
    private final CapService cap;
    private final AlertStreamHub stream;
    private final VerdictStore verdicts;
    private final Clock clock;
    private final int maxPageSize;

    public AlertController(AlertStore alerts, DeliveryStore deliveries, SubscriptionStore subscriptions,
                           AuditStore audit, CapService cap, AlertStreamHub stream, VerdictStore verdicts,
                           Clock clock, org.borderwatch.alert.AlertProperties properties) {
        this.maxPageSize = properties.api().maxPageSize();
        this.verdicts = verdicts;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.cap = cap;
        this.stream = stream;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Alerts, most recently notified first. A query parameter this endpoint does not take is a "
            + "400 naming the allowed ones")
    @ApiResponse(responseCode = "200", description = "The page's alerts", useReturnTypeSchema = true, headers = {
            @Header(name = PageLinks.TOTAL_COUNT, description = ApiDocs.TOTAL_COUNT_DOC,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = "Link", description = ApiDocs.LINK_DOC, schema = @Schema(type = "string"))})
    public ResponseEntity<List<Views.AlertView>> list(
            @Parameter(description = "FIRING or RESOLVED") @RequestParam(required = false) AlertStatus status,
            @Parameter(description = ApiDocs.SEGMENTS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = BorderSegment.class)))
            @RequestParam(required = false) List<String> segment,
            @Parameter(description = ApiDocs.SEGMENTS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = BorderSegment.class)))
            @RequestParam(required = false) List<String> segments,
            @Parameter(description = ApiDocs.SEVERITIES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Severity.class)))
            @RequestParam(required = false) List<String> severity,
            @Parameter(description = ApiDocs.SEVERITIES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Severity.class)))
            @RequestParam(required = false) List<String> severities,
            @Parameter(description = ApiDocs.MIN_SEVERITY_DOC)
            @RequestParam(required = false) Severity minSeverity,
            @Parameter(description = ApiDocs.OCCURRENCES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Occurrence.class)))
            @RequestParam(required = false) List<String> occurrence,
            @Parameter(description = ApiDocs.OCCURRENCES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Occurrence.class)))
            @RequestParam(required = false) List<String> occurrences,
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
            @Parameter(description = ApiDocs.ACKNOWLEDGED_DOC, schema = @Schema(type = "boolean"))
            @RequestParam(required = false) String acknowledged,
            @Parameter(description = ApiDocs.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = ApiDocs.SIZE_DOC) @RequestParam(defaultValue = "50") int size,
            @Parameter(hidden = true) jakarta.servlet.http.HttpServletRequest request) {
        PageLinks.checkPaging(page, size, maxPageSize);
        QueryParameters.Window window = QueryParameters.window(from, to);
        AlertStore.AlertQuery query = new AlertStore.AlertQuery(status == null ? null : status.name(),
                QueryParameters.namesOrNull(QueryParameters.enums(BorderSegment.class, "segment", segment,
                        "segments", segments)),
                QueryParameters.severities(QueryParameters.enums(Severity.class, "severity", severity,
                        "severities", severities), minSeverity),
                QueryParameters.namesOrNull(QueryParameters.enums(Occurrence.class, "occurrence", occurrence,
                        "occurrences", occurrences)),
                QueryParameters.namesOrNull(QueryParameters.enums(SignalType.class, "signal", signal, "signals",
                        signals)),
                window.from(), window.to(),
                QueryParameters.bool("acknowledged", acknowledged));
        List<Views.AlertView> found = alerts.list(query, page, size).stream().map(Views.AlertView::of).toList();
        // as for verdicts: the body stays a plain list, the total and the other pages travel in headers
        return PageLinks.ok(request, page, size, alerts.count(query)).body(found);
    }

    @GetMapping("/{alertId}")
    @Operation(summary = "An alert as JSON, or its latest message as OASIS CAP 1.2 with Accept: application/cap+xml "
            + "(the only XML this service writes; any other Accept that allows neither is a 406 problem)")
    @ApiResponse(responseCode = "200", description = "The alert (JSON), or its latest message as CAP 1.2", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                    schema = @Schema(implementation = Views.AlertView.class)),
            @Content(mediaType = CapRenderer.MEDIA_TYPE, schema = @Schema(type = "string",
                    description = "An OASIS CAP 1.2 alert document (XML)"))})
    @ApiDocs.ProblemResponses({404, 406})
    public ResponseEntity<?> detail(@PathVariable UUID alertId,
                                    @RequestHeader(value = "Accept", required = false) String accept) {
        boolean capWanted = accepts(accept, CAP_XML);
        if (!capWanted && !accepts(accept, MediaType.APPLICATION_JSON)) {
            throw notAcceptable(accept);
        }
        StoredAlert a = find(alertId);
        if (capWanted) {
            return ResponseEntity.ok().contentType(CAP_XML).body(cap.render(a.lastMessage()));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(Views.AlertView.of(a));
    }

    private static final MediaType CAP_XML = MediaType.parseMediaType(CapRenderer.MEDIA_TYPE);

    /**
     * Whether the Accept header names the type itself (CAP is only ever sent when asked for by name, never for
     * {@code *}{@code /*}) or, for JSON, allows it: absent, a wildcard, or JSON.
     */
    static boolean accepts(String accept, MediaType type) {
        if (accept == null || accept.isBlank()) {
            return !type.equals(CAP_XML);
        }
        List<MediaType> accepted;
        try {
            accepted = MediaType.parseMediaTypes(accept);
        } catch (IllegalArgumentException e) {
            throw notAcceptable(accept);
        }
        for (MediaType m : accepted) {
            if (m.getQualityValue() == 0) {
                continue;
            }
            if (type.equals(CAP_XML) ? m.getType().equals(type.getType()) && m.getSubtype().equals(type.getSubtype())
                    : m.isCompatibleWith(type)) {
                return true;
            }
        }
        return false;
    }

    private static ApiException notAcceptable(String accept) {
        return new ApiException(org.springframework.http.HttpStatus.NOT_ACCEPTABLE, "not-acceptable",
                "Not acceptable", "this resource is available as application/json or " + CapRenderer.MEDIA_TYPE
                + ", not '" + (accept.length() > 80 ? accept.substring(0, 80) + "…" : accept) + "'", null);
    }

    @PostMapping("/{alertId}/ack")
    @Operation(summary = "Acknowledge a message of the alert with a comment (audited)", description = """
            Records that the caller saw the alert's message `sequence` (absent: the latest message). The alert shows             `acknowledged: true` while some acknowledgement reaches its latest material message (`materialSequence`);             a later material message (severity up, occurrence changed, new signal, a review, the resolution) makes it             false again, a repeat or a leave notice does not. The same user acknowledging the same message with the             same comment again is answered 200 with the alert as it is (the acknowledgement is listed once, no second             audit entry). 409 ack-conflict: a sequence the alert has no message for, or older than one the caller             acknowledged already; 409 alert-changed: the alert kept changing while the acknowledgement was being             written (nothing recorded; retry); 400: a sequence below 1 or no comment.""")
    @ApiResponse(responseCode = "200", description = "The alert with its acknowledgements (each naming its sequence)",
            useReturnTypeSchema = true)
    @ApiDocs.ProblemResponses({404, 409})
    public Views.AlertView ack(@PathVariable UUID alertId, @RequestBody Views.AckRequest request,
                               Authentication auth) {
        if (request.comment() == null || request.comment().isBlank()) {
            throw ApiException.badRequest("Acknowledgement refused", List.of("comment is required"));
        }
        org.borderwatch.alert.text.TextLimits.text("comment", request.comment()).ifPresent(p -> {
            throw ApiException.badRequest("Acknowledgement refused", List.of(p));
        });
        String by = Callers.name(auth);
        String comment = request.comment().trim();
        return retryWhileChanging(ACK_ATTEMPTS, () -> {
            StoredAlert current = find(alertId);
            Acknowledgements.Decision decision;
            try {
                decision = Acknowledgements.decide(current, by, comment, request.sequence(), clock.instant());
            } catch (Acknowledgements.Refused e) {
                if (e.conflict()) {
                    throw new ApiException(org.springframework.http.HttpStatus.CONFLICT, "ack-conflict",
                            "Acknowledgement refused", e.getMessage(), List.of(e.getMessage()));
                }
                throw ApiException.badRequest("Acknowledgement refused", List.of(e.getMessage()));
            }
            if (decision instanceof Acknowledgements.Existing) {
                return java.util.Optional.of(Views.AlertView.of(current));
            }
            StoredAlert.Ack ack = decision.ack();
            if (alerts.addAck(current, ack)) {
                audit.record(by, "ack", "alert:" + alertId, "message " + ack.sequence() + ": " + comment, ack.at());
                return java.util.Optional.of(Views.AlertView.of(find(alertId)));
            }
            // the alert changed since it was read (a new message, another acknowledgement): decide again
            return java.util.Optional.empty();
        }, () -> changedWhileAcknowledging(alertId, ACK_ATTEMPTS));
    }

    /** How often an acknowledgement reads the alert again when it changed in between, before it gives up. */
    static final int ACK_ATTEMPTS = 20;

    /**
     * Runs {@code attempt} until it answers (empty: what it read changed before it could write, so read again), at
     * most {@code attempts} times; then throws what {@code exhausted} gives.
     */
    static <T> T retryWhileChanging(int attempts, java.util.function.Supplier<java.util.Optional<T>> attempt,
                                    java.util.function.Supplier<? extends RuntimeException> exhausted) {
        for (int i = 0; i < attempts; i++) {
            java.util.Optional<T> done = attempt.get();
            if (done.isPresent()) {
                return done.get();
            }
        }
        throw exhausted.get();
    }

    /**
     * An acknowledgement that lost the race for the alert on every attempt: a 409 {@code alert-changed} problem
     * (the alert is in a state — changing — that did not allow it; nothing was recorded, so repeating it is safe),
     * rather than a 500 that reads like a bug. Not a 503: the service is well; this alert is busy.
     */
    static ApiException changedWhileAcknowledging(UUID alertId, int attempts) {
        String detail = "the alert changed while acknowledging; retry: alert " + alertId + " changed (new messages or "
                + "other acknowledgements) each of the " + attempts + " times it was read; nothing was recorded";
        return new ApiException(org.springframework.http.HttpStatus.CONFLICT, "alert-changed",
                "The alert changed while acknowledging", detail, List.of(detail));
    }

    @GetMapping("/{alertId}/deliveries")
    @Operation(summary = "Every delivery of the alert's messages: channel, target, attempts, outcome (for STAFF: "
            + "those of their own subscriptions and of the border.alerts feed; every one for ADMIN)")
    @ApiDocs.ProblemResponses(404)
    public List<Views.DeliveryView> deliveries(@PathVariable UUID alertId, Authentication auth) {
        find(alertId);
        List<org.borderwatch.alert.store.OutboxRow> rows = deliveries.byAlert(alertId);
        if (!Callers.isAdmin(auth)) {
            // another user's webhook URL, e-mail address or partner topic (also named in lastError) is theirs to see,
            // as their subscription is (GET /subscriptions/{id} is 403 for anybody else)
            String me = Callers.name(auth);
            java.util.Map<String, Boolean> visible = new java.util.HashMap<>();
            rows = rows.stream().filter(r -> visible.computeIfAbsent(r.subscriptionId(),
                    id -> AlertDispatcher.FEED_SUBSCRIPTION.equals(id)
                            || subscriptions.find(id).map(s -> me.equals(s.owner())).orElse(false))).toList();
        }
        return rows.stream().map(Views.DeliveryView::of).toList();
    }

    @GetMapping("/{alertId}/audit")
    @Operation(summary = "Who acknowledged the alert, and when")
    @ApiDocs.ProblemResponses(404)
    public List<Views.AuditView> audit(@PathVariable UUID alertId) {
        find(alertId); // an unknown alert (or an incident's id) is a 404, as on every other path of an alert
        return audit.forTarget("alert:" + alertId).stream().map(Views.AuditView::of).toList();
    }

    @GetMapping(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-sent events of alert messages; same filters as subscriptions, or a stream "
            + "subscription's id. Event ids are stream cursors: reconnect with Last-Event-ID (or ?lastEventId=) to "
            + "get the missed messages first, then the live ones")
    @ApiResponse(responseCode = "200", description = "The event stream (open until timeoutMillis or the client "
            + "goes away)", content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
            schema = @Schema(type = "string", description = "event: fired|updated|reviewed|resolved, id: <stream "
                    + "cursor>, data: <Alert JSON> (a client's last word about an incident that left its filter "
                    + "carries one more member, noLongerMatching: {alertId, sequence, why}); comment frames "
                    + "connected, live, keepalive; event reset")))
    @ApiDocs.ProblemResponses({403, 404, 429})
    public SseEmitter stream(
            @Parameter(description = "The cursor of the last event received (sent by EventSource on reconnect)")
            @RequestHeader(value = "Last-Event-ID", required = false) String lastEventIdHeader,
            @Parameter(description = "As the Last-Event-ID header, for clients that cannot set it (the header wins)")
            @RequestParam(required = false) String lastEventId,
            @Parameter(description = ApiDocs.SEGMENTS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = BorderSegment.class)))
            @RequestParam(required = false) List<String> segment,
            @Parameter(description = ApiDocs.SEGMENTS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = BorderSegment.class)))
            @RequestParam(required = false) List<String> segments,
            @Parameter(description = ApiDocs.MIN_SEVERITY_DOC)
            @RequestParam(required = false) Severity minSeverity,
            @Parameter(description = ApiDocs.SEVERITIES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Severity.class)))
            @RequestParam(required = false) List<String> severity,
            @Parameter(description = ApiDocs.SEVERITIES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Severity.class)))
            @RequestParam(required = false) List<String> severities,
            @Parameter(description = ApiDocs.SIGNALS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = SignalType.class)))
            @RequestParam(required = false) List<String> signal,
            @Parameter(description = ApiDocs.SIGNALS_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = SignalType.class)))
            @RequestParam(required = false) List<String> signals,
            @Parameter(description = ApiDocs.OCCURRENCES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Occurrence.class)))
            @RequestParam(required = false) List<String> occurrence,
            @Parameter(description = ApiDocs.OCCURRENCES_DOC,
                    array = @ArraySchema(schema = @Schema(implementation = Occurrence.class)))
            @RequestParam(required = false) List<String> occurrences,
            @Parameter(description = "A stream subscription's id: its filter instead of the filter parameters "
                    + "(which may then not be given)")
            @RequestParam(required = false) String subscription,
            @Parameter(description = "How long the stream stays open, 1000 … 86400000")
            @RequestParam(defaultValue = "3600000") long timeoutMillis,
            Authentication auth) {
        if (timeoutMillis < MIN_STREAM_TIMEOUT_MILLIS || timeoutMillis > MAX_STREAM_TIMEOUT_MILLIS) {
            throw ApiException.badRequest("Invalid parameter", List.of("parameter 'timeoutMillis' must be between "
                    + MIN_STREAM_TIMEOUT_MILLIS + " and " + MAX_STREAM_TIMEOUT_MILLIS + " (24 hours), got "
                    + timeoutMillis));
        }
        SubscriptionFilter filter = new SubscriptionFilter(
                QueryParameters.enums(BorderSegment.class, "segment", segment, "segments", segments), minSeverity,
                QueryParameters.enums(SignalType.class, "signal", signal, "signals", signals),
                QueryParameters.enums(Occurrence.class, "occurrence", occurrence, "occurrences", occurrences));
        Set<Severity> named = QueryParameters.enums(Severity.class, "severity", severity, "severities", severities);
        if (subscription != null) {
            if (!filter.equals(SubscriptionFilter.ANY) || !named.isEmpty()) {
                // either the subscription's filter or the parameters: never one silently ignored
                throw ApiException.badRequest("Invalid parameter", List.of("parameter 'subscription' takes the "
                        + "subscription's filter; leave out segment(s), severity/severities, minSeverity, signal(s) and "
                        + "occurrence(s)"));
            }
            var s = subscriptions.find(subscription)
                    .orElseThrow(() -> ApiException.notFound("subscription " + subscription));
            // the same rule as GET /api/v1/subscriptions/{id}: its owner or an ADMIN; checked before anything about
            // the subscription (its channel type) is told
            if (!Callers.isAdmin(auth) && !Callers.name(auth).equals(s.owner())) {
                throw ApiException.forbidden("subscription " + subscription
                        + " is not yours; only its owner or an ADMIN may open its stream");
            }
            if (s.channel().type() != ChannelType.STREAM) {
                throw ApiException.badRequest("Not a stream subscription",
                        List.of("subscription " + subscription + " has channel " + s.channel().type().wireName()));
            }
            filter = s.filter();
        }
        // the header wins: a browser's EventSource sends it on reconnect while the URL keeps its first parameter
        SubscriptionFilter matching = filter;
        // named severities (any of them) on top of the subscription-style filter, as on the lists
        try {
            return stream.open(new StreamFilter(matching, named),
                    lastEventIdHeader != null ? lastEventIdHeader : lastEventId, timeoutMillis, Callers.name(auth));
        } catch (AlertStreamHub.TooManyStreamsException e) {
            throw new ApiException(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, "too-many-streams",
                    "Too many live streams", e.getMessage(), null);
        }
    }

    /** A live stream's own timeout: at least a second, at most a day (a client reconnects with Last-Event-ID). */
    static final long MIN_STREAM_TIMEOUT_MILLIS = 1_000;
    static final long MAX_STREAM_TIMEOUT_MILLIS = 86_400_000;

    /**
     * The alert, or a 404 that helps a caller who used the incident's id: that id is not an alert id, and when the
     * incident has an alert the detail names it.
     */
    private StoredAlert find(UUID alertId) {
        return alerts.find(alertId).orElseThrow(() -> {
            UUID asIncidentsAlert = AlertLifecycle.alertIdOf(alertId);
            if (alerts.find(asIncidentsAlert).isPresent()) {
                return new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "alert " + alertId + " does not exist: " + alertId + " is an incident id; the alert of "
                                + "that incident is " + asIncidentsAlert, null);
            }
            if (verdicts.find(alertId).isPresent()) {
                return new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "not-found", "Not found",
                        "alert " + alertId + " does not exist: " + alertId + " is an incident id, and that "
                                + "incident has no alert (yet)", null);
            }
            return ApiException.notFound("alert " + alertId);
        });
    }
}
