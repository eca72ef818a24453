package org.borderwatch.alert.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.BulkFilter;
import org.borderwatch.alert.dispatch.OutboxRepair;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.store.AlertStore;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.alert.store.SubscriptionStore;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Operators' handling of the outbox (ADMIN only, see {@code SecurityConfiguration}): list its rows across alerts
 * (stuck, FAILED, abandoned …), put FAILED ones back for one more delivery through the usual pipeline (rate limiter,
 * circuit breaker, retries, rounds) under the same idempotency key, give up on a row deliberately, and list the rows
 * the relay could not copy out of their alert documents; every action audited with who, when and why.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
@Tag(name = "deliveries", description = "The outbox for operators: list, re-send FAILED deliveries, abandon (ADMIN)")
public class DeliveryController {

    private static final Logger log = LoggerFactory.getLogger(DeliveryController.class);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final AuditStore audit;
    private final Clock clock;
    private final OutboxRepair repair;
    private final int maxPageSize;
    private final int bulkMaxRows;
    private final int bulkSample;
    private final AlertMetrics metrics;

    public DeliveryController(DeliveryStore deliveries, SubscriptionStore subscriptions, AuditStore audit,
                              Clock clock, OutboxRepair repair, AlertProperties properties, AlertMetrics metrics) {
        this.bulkMaxRows = properties.api().bulkMaxRows();
        this.bulkSample = properties.api().bulkSample();
        this.metrics = metrics;
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
        this.repair = repair;
        this.maxPageSize = properties.api().maxPageSize();
    }

    /** The channels a delivery row can have, as the API writes them. */
    private static final List<String> CHANNELS = List.of("webhook", "email", "kafka");

    @GetMapping
    @Operation(summary = "Outbox rows across alerts, oldest first (ADMIN): e.g. ?status=FAILED for what gave up, "
            + "?status=PENDING,IN_FLIGHT&olderThan=PT1H for what has been waiting an hour or more, ?status=ABANDONED "
            + "for what operators gave up. Every filter given must hold; a query parameter this endpoint does not "
            + "take is a 400 naming the allowed ones")
    @ApiResponse(responseCode = "200", description = "The page's rows", useReturnTypeSchema = true, headers = {
            @Header(name = PageLinks.TOTAL_COUNT, description = ApiDocs.TOTAL_COUNT_DOC,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = "Link", description = ApiDocs.LINK_DOC, schema = @Schema(type = "string"))})
    @ApiDocs.ProblemResponses(403)
    public ResponseEntity<List<Views.OutboxView>> list(
            @Parameter(description = "Statuses, any of them; repeatable and comma-separated",
                    array = @ArraySchema(schema = @Schema(implementation = DeliveryStatus.class)))
            @RequestParam(required = false) List<String> status,
            @Parameter(description = "Same as status", array = @ArraySchema(schema = @Schema(
                    implementation = DeliveryStatus.class)))
            @RequestParam(required = false) List<String> statuses,
            @Parameter(description = "Channels, any of them; repeatable and comma-separated",
                    array = @ArraySchema(schema = @Schema(allowableValues = {"webhook", "email", "kafka"})))
            @RequestParam(required = false) List<String> channel,
            @Parameter(description = "Same as channel", array = @ArraySchema(schema = @Schema(
                    allowableValues = {"webhook", "email", "kafka"})))
            @RequestParam(required = false) List<String> channels,
            @Parameter(description = "The subscription's id, exactly (the border.alerts feed's rows: "
                    + "feed:border.alerts)")
            @RequestParam(required = false) String subscriptionId,
            @Parameter(description = "The target, exactly, as shown in the rows: a webhook URL, an e-mail address, "
                    + "a Kafka topic")
            @RequestParam(required = false) String target,
            @Parameter(description = "Rows created at least this long ago: an ISO-8601 duration such as PT1H or P2D",
                    schema = @Schema(type = "string", example = "PT1H"))
            @RequestParam(required = false) String olderThan,
            @Parameter(description = ApiDocs.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = ApiDocs.SIZE_DOC) @RequestParam(defaultValue = "50") int size,
            @Parameter(hidden = true) jakarta.servlet.http.HttpServletRequest request) {
        PageLinks.checkPaging(page, size, maxPageSize);
        List<String> problems = new ArrayList<>();
        Set<DeliveryStatus> wanted = EnumSet.noneOf(DeliveryStatus.class);
        try {
            wanted.addAll(QueryParameters.enums(DeliveryStatus.class, "status", status, "statuses", statuses));
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
        Set<String> wantedChannels = new LinkedHashSet<>();
        for (String name : List.of("channel", "channels")) {
            List<String> values = name.equals("channel") ? channel : channels;
            for (String value : values == null ? List.<String>of() : values) {
                for (String part : value == null ? new String[0] : value.split(",")) {
                    String c = part.trim();
                    if (CHANNELS.contains(c)) {
                        wantedChannels.add(c.toUpperCase(Locale.ROOT));
                    } else if (!c.isEmpty()) {
                        problems.add("parameter '" + name + "' must be one of " + String.join(", ", CHANNELS)
                                + ", got '" + (c.length() > 80 ? c.substring(0, 80) + "…" : c) + "'");
                    }
                }
            }
        }
        Duration age = null;
        try {
            age = QueryParameters.duration("olderThan", olderThan);
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid parameter", problems);
        }
        DeliveryStore.Query query = new DeliveryStore.Query(wanted, wantedChannels, blank(subscriptionId),
                blank(target), age == null ? null : clock.instant().minus(age));
        List<Views.OutboxView> found = deliveries.find(query, page, size).stream().map(Views.OutboxView::of)
                .toList();
        return PageLinks.ok(request, page, size, deliveries.count(query)).body(found);
    }

    @GetMapping("/unrelayed")
    @Operation(summary = "Outbox rows still held in their alert documents (ADMIN): the relay has not copied them to "
            + "the outbox, usually because it cannot (the alert-service logs each failure at WARN); what "
            + "borderwatch_alert_relay_backlog counts, by alert. Give one up with POST /api/v1/deliveries/{id}/abandon")
    @ApiResponse(responseCode = "200", description = "The page's rows", useReturnTypeSchema = true, headers = {
            @Header(name = PageLinks.TOTAL_COUNT, description = ApiDocs.TOTAL_COUNT_DOC,
                    schema = @Schema(type = "integer", format = "int64")),
            @Header(name = "Link", description = ApiDocs.LINK_DOC, schema = @Schema(type = "string"))})
    @ApiDocs.ProblemResponses(403)
    public ResponseEntity<List<Views.UnrelayedView>> unrelayed(
            @Parameter(description = ApiDocs.PAGE_DOC) @RequestParam(defaultValue = "0") int page,
            @Parameter(description = ApiDocs.SIZE_DOC) @RequestParam(defaultValue = "50") int size,
            @Parameter(hidden = true) jakarta.servlet.http.HttpServletRequest request) {
        PageLinks.checkPaging(page, size, maxPageSize);
        OutboxRepair.Held held = repair.unrelayed(page, size);
        return PageLinks.ok(request, page, size, held.total())
                .body(held.rows().stream().map(Views.UnrelayedView::of).toList());
    }

    @PostMapping("/{deliveryId}/abandon")
    @Operation(summary = "Give up on one outbox row deliberately (ADMIN; reason required; audited): a PENDING or "
            + "FAILED row, one IN_FLIGHT whose lease ran out, or one the relay could not copy out of its alert "
            + "document becomes ABANDONED — never sent again, no longer in the backlog. A row sent in a grouped or "
            + "digest notification takes that notification's other rows with it. 409 when it is being sent now, "
            + "DELIVERED or ABANDONED already")
    @ApiDocs.ProblemResponses({403, 404, 409})
    public Views.AbandonView abandon(@PathVariable String deliveryId, @RequestBody Views.AbandonRequest request,
                                     Authentication auth) {
        String reason = reason(request.reason(), "Abandon refused", "why it is given up, e.g. 'subscription "
                + "deleted, partner gone (ticket 4712)'");
        try {
            OutboxRepair.Result result = repair.abandon(deliveryId, Callers.name(auth), reason);
            return new Views.AbandonView(result.abandoned().size(),
                    result.abandoned().stream().map(Views.OutboxView::of).toList());
        } catch (OutboxRepair.Refused e) {
            if (e.notFound()) {
                throw ApiException.notFound(e.getMessage());
            }
            throw new ApiException(HttpStatus.CONFLICT, "not-abandonable", "Cannot abandon", e.getMessage(), null);
        }
    }

    @PostMapping("/bulk-abandon")
    @Operation(summary = "Give up on many outbox rows at once by a filter (ADMIN; reason and filter required; each row "
            + "audited on its alert, naming the filter): the oldest alert.api.bulk-max-rows rows the filter selects "
            + "among those that may be abandoned now (PENDING, FAILED, IN_FLIGHT whose lease ran out, UNRELAYED: held "
            + "in its alert document, see /unrelayed), with the other rows of the grouped or digest notifications they "
            + "were sent in; an UNRELAYED row is taken out of its alert document. dryRun: true counts and shows a "
            + "sample, changing nothing")
    @ApiDocs.ProblemResponses(403)
    public Views.BulkView bulkAbandon(@RequestBody Views.BulkRequest request, Authentication auth) {
        return bulk(BulkFilter.Action.ABANDON, request, auth);
    }

    @PostMapping("/bulk-requeue")
    @Operation(summary = "Re-queue many FAILED deliveries at once by a filter (ADMIN; reason and filter required; each "
            + "row audited on its alert, naming the filter): the oldest alert.api.bulk-max-rows FAILED rows the filter "
            + "selects, with the other FAILED rows of the notifications they failed in, each sent again under its "
            + "key; rows of deleted subscriptions are left FAILED (counted). dryRun: true counts and shows a sample, "
            + "changing nothing")
    @ApiDocs.ProblemResponses(403)
    public Views.BulkView bulkRequeue(@RequestBody Views.BulkRequest request, Authentication auth) {
        return bulk(BulkFilter.Action.REQUEUE, request, auth);
    }

    private Views.BulkView bulk(BulkFilter.Action action, Views.BulkRequest request, Authentication auth) {
        boolean abandon = action == BulkFilter.Action.ABANDON;
        String title = abandon ? "Abandon refused" : "Re-queue refused";
        List<String> problems = new ArrayList<>();
        if (request.reason() == null || request.reason().isBlank()) {
            problems.add("reason is required (why these deliveries are " + (abandon ? "given up" : "sent again")
                    + ", e.g. 'partner endpoint retired, ticket 4712')");
        } else {
            org.borderwatch.alert.text.TextLimits.text("reason", request.reason()).ifPresent(problems::add);
        }
        Views.BulkFilterBody f = request.filter();
        BulkFilter filter = BulkFilter.parse(action, f != null, f == null ? null : f.statuses(),
                f == null ? null : f.channels(), f == null ? null : f.subscriptionId(), f == null ? null : f.target(),
                f == null ? null : f.createdBefore(), f == null ? null : f.createdAfter(), problems);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(title, problems);
        }
        String reason = request.reason().trim();
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        Instant now = clock.instant();
        DeliveryStore.Query query = new DeliveryStore.Query(filter.statuses(), filter.channels(),
                filter.subscriptionId(), filter.target(), filter.createdBefore(), filter.createdAfter());
        // a deleted subscription's FAILED rows cannot be sent again: left out of a re-queue, and counted
        List<String> deleted = abandon ? List.of() : deliveries.subscriptionsOf(query, DeliveryStatus.FAILED).stream()
                .filter(this::isDeleted).toList();
        Bson changeable = DeliveryStore.changeable(abandon, now, deleted);
        long skipped = deleted.isEmpty() ? 0 : deliveries.count(query, Filters.and(
                Filters.eq("status", DeliveryStatus.FAILED.name()), Filters.in("subscriptionId", deleted)));
        // rows held in alert documents (UNRELAYED) are selected with the outbox's, oldest first across both
        List<AlertStore.HeldRow> held = repair.heldSelectedBy(filter);
        long matched = (filter.outbox() ? deliveries.count(query, changeable) : 0) + held.size();
        OutboxRepair.Selection selected = OutboxRepair.oldest(filter.outbox()
                ? deliveries.oldest(query, changeable, bulkMaxRows) : List.of(), held, bulkMaxRows);
        String actor = Callers.name(auth);
        String words = filter.describe();
        if (dryRun) {
            log.info("bulk {} dry run by {} ({}): {} matched", action.name().toLowerCase(Locale.ROOT), actor, words,
                    matched);
            return new Views.BulkView(true, action.name().toLowerCase(Locale.ROOT), words, matched, bulkMaxRows,
                    selected.ids().size(), 0, matched, skipped, sample(selected));
        }
        List<String> changed;
        if (abandon) {
            changed = repair.abandonSelected(selected.outbox(), selected.held(), actor, reason, words).stream()
                    .map(h -> h.row().id()).toList();
        } else {
            java.util.Set<String> ids = deliveries.withTheirNotifications(selected.outbox());
            List<OutboxRow> requeued = ids.isEmpty() ? List.of()
                    : deliveries.requeueFailed(Filters.in("_id", ids), actor, reason, now);
            recorded(requeued, auth, reason + " (bulk re-queue: " + words + ")");
            metrics.backlog(deliveries.backlog());
            changed = requeued.stream().map(OutboxRow::id).toList();
        }
        long remaining = (filter.outbox()
                ? deliveries.count(query, DeliveryStore.changeable(abandon, clock.instant(), deleted)) : 0)
                + repair.heldSelectedBy(filter).size();
        log.info("bulk {} by {} ({}): {} changed, {} remaining: {}", action.name().toLowerCase(Locale.ROOT), actor,
                words, changed.size(), remaining, reason);
        return new Views.BulkView(false, action.name().toLowerCase(Locale.ROOT), words, matched, bulkMaxRows,
                selected.ids().size(), changed.size(), remaining, skipped, sample(changed));
    }

    /** A dry run's sample: the first selected rows as they are now, a held one as UNRELAYED. */
    private List<Views.OutboxView> sample(OutboxRepair.Selection selected) {
        return selected.ids().stream().limit(bulkSample)
                .map(id -> selected.held().stream().filter(h -> h.id().equals(id)).findFirst()
                        .map(Views.OutboxView::unrelayed).or(() -> deliveries.findHandled(id).map(Views.OutboxView::of)))
                .flatMap(Optional::stream).toList();
    }

    /** The first {@code alert.api.bulk-sample} of these rows as operators see them. */
    private List<Views.OutboxView> sample(List<String> ids) {
        return ids.stream().limit(bulkSample).map(deliveries::findHandled).flatMap(java.util.Optional::stream)
                .map(Views.OutboxView::of).toList();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @PostMapping("/{deliveryId}/requeue")
    @Operation(summary = "Re-queue one FAILED delivery (ADMIN; reason required; audited): attempts and rounds start "
            + "again from 0 and it is sent once more under the same idempotency key (X-BorderWatch-Delivery). A "
            + "delivery that carried several messages (grouped, digest) is re-queued with the other FAILED rows of "
            + "that notification. 409 when it is not FAILED or its subscription was deleted")
    @ApiDocs.ProblemResponses({403, 404, 409})
    public Views.RequeueView requeueOne(@PathVariable String deliveryId, @RequestBody Views.RequeueRequest request,
                                        Authentication auth) {
        String reason = reason(request);
        if (request.subscriptionId() != null || request.target() != null) {
            throw ApiException.badRequest("Invalid re-queue", List.of("subscriptionId and target belong to POST "
                    + "/api/v1/deliveries/requeue; this path names the delivery"));
        }
        OutboxRow row = deliveries.find(deliveryId)
                .orElseThrow(() -> ApiException.notFound("delivery " + deliveryId));
        if (row.status() != DeliveryStatus.FAILED) {
            throw conflict("delivery " + deliveryId + " is " + row.status() + ", not FAILED: only a FAILED delivery "
                    + "can be re-queued" + switch (row.status()) {
                        case DELIVERED -> " (it was delivered)";
                        case ABANDONED -> " (an operator gave it up)";
                        default -> " (it is still being delivered)";
                    });
        }
        requireSubscription(row.subscriptionId());
        List<String> ids = deliveries.sameNotification(row).stream().map(OutboxRow::id).toList();
        List<OutboxRow> requeued = deliveries.requeueFailed(Filters.in("_id", ids),
                Callers.name(auth), reason, clock.instant());
        if (requeued.stream().noneMatch(r -> r.id().equals(deliveryId))) {
            // another operator (or call) re-queued it between the read and the write
            throw conflict("delivery " + deliveryId + " is no longer FAILED: it was re-queued meanwhile");
        }
        return recorded(requeued, auth, reason);
    }

    @PostMapping("/requeue")
    @Operation(summary = "Re-queue every FAILED delivery of one subscription (subscriptionId) or to one target "
            + "(target: a webhook URL, an e-mail address or a Kafka topic, as shown in the deliveries), ADMIN only, "
            + "reason required, each audited; answers the rows re-queued (none is not an error)")
    @ApiDocs.ProblemResponses({403, 404})
    public Views.RequeueView requeueAll(@RequestBody Views.RequeueRequest request, Authentication auth) {
        String reason = reason(request);
        boolean bySubscription = request.subscriptionId() != null && !request.subscriptionId().isBlank();
        boolean byTarget = request.target() != null && !request.target().isBlank();
        if (bySubscription == byTarget) {
            throw ApiException.badRequest("Invalid re-queue", List.of("give exactly one of subscriptionId and "
                    + "target"));
        }
        Bson filter;
        if (bySubscription) {
            if (isDeleted(request.subscriptionId())) {
                throw ApiException.notFound("subscription " + request.subscriptionId());
            }
            filter = Filters.eq("subscriptionId", request.subscriptionId());
        } else {
            // a deleted subscription's rows cannot be sent again: only those of subscriptions that still exist
            List<String> live = deliveries.failedSubscriptions(Filters.eq("target", request.target())).stream()
                    .filter(id -> !isDeleted(id)).toList();
            filter = Filters.and(Filters.eq("target", request.target()), Filters.in("subscriptionId", live));
        }
        List<OutboxRow> requeued = deliveries.requeueFailed(filter, Callers.name(auth), reason, clock.instant());
        return recorded(requeued, auth, reason);
    }

    private Views.RequeueView recorded(List<OutboxRow> requeued, Authentication auth, String reason) {
        Instant now = clock.instant();
        for (OutboxRow r : requeued) {
            // on the alert's audit (GET /api/v1/alerts/{alertId}/audit), beside acknowledgements
            audit.record(Callers.name(auth), "requeue-delivery", "alert:" + r.alertId(), "delivery " + r.id()
                    + " (" + r.channel().toLowerCase(java.util.Locale.ROOT) + " to " + r.target() + ", subscription '"
                    + r.subscriptionName() + "', message #" + r.sequence() + ") re-queued: " + reason
                    + "; it had failed: " + r.lastError(), now);
            log.info("delivery {} to {} re-queued by {}: {}", r.id(), r.target(), Callers.name(auth), reason);
        }
        return new Views.RequeueView(requeued.size(), requeued.stream().map(Views.DeliveryView::of).toList());
    }

    private static String reason(Views.RequeueRequest request) {
        return reason(request.reason(), "Re-queue refused", "why the delivery is sent again, e.g. 'partner webhook "
                + "was down 2026-11-21, fixed per ticket 4711'");
    }

    private static String reason(String reason, String title, String example) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.badRequest(title, List.of("reason is required (" + example + ")"));
        }
        org.borderwatch.alert.text.TextLimits.text("reason", reason).ifPresent(p -> {
            throw ApiException.badRequest(title, List.of(p));
        });
        return reason.trim();
    }

    private boolean isDeleted(String subscriptionId) {
        return !AlertDispatcher.FEED_SUBSCRIPTION.equals(subscriptionId)
                && subscriptions.find(subscriptionId).isEmpty();
    }

    private void requireSubscription(String subscriptionId) {
        if (isDeleted(subscriptionId)) {
            throw conflict("subscription " + subscriptionId + " was deleted: its deliveries cannot be sent again "
                    + "(create the subscription again; new messages reach it)");
        }
    }

    private static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "not-requeueable", "Cannot re-queue", detail, null);
    }
}
