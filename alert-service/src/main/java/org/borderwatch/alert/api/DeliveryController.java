package org.borderwatch.alert.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borderwatch.alert.delivery.DeliveryStatus;
import org.borderwatch.alert.dispatch.AlertDispatcher;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.DeliveryStore;
import org.borderwatch.alert.store.OutboxRow;
import org.borderwatch.alert.store.SubscriptionStore;
import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Operators' handling of deliveries that ended FAILED (ADMIN only, see {@code SecurityConfiguration}): put them back
 * into the outbox for one more delivery through the usual pipeline (rate limiter, circuit breaker, retries, rounds),
 * under the same idempotency key, audited with who, when and why.
 */
@RestController
@RequestMapping("/api/v1/deliveries")
@Tag(name = "deliveries", description = "Re-send deliveries that ended FAILED (ADMIN)")
public class DeliveryController {

    private static final Logger log = LoggerFactory.getLogger(DeliveryController.class);

    private final DeliveryStore deliveries;
    private final SubscriptionStore subscriptions;
    private final AuditStore audit;
    private final Clock clock;

    public DeliveryController(DeliveryStore deliveries, SubscriptionStore subscriptions, AuditStore audit,
                              Clock clock) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.audit = audit;
        this.clock = clock;
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
                    + "can be re-queued" + (row.status() == DeliveryStatus.DELIVERED ? " (it was delivered)"
                    : " (it is still being delivered)"));
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
        if (request.reason() == null || request.reason().isBlank()) {
            throw ApiException.badRequest("Re-queue refused", List.of("reason is required (why the delivery is "
                    + "sent again, e.g. 'partner webhook was down 2026-11-21, fixed per ticket 4711')"));
        }
        org.borderwatch.alert.text.TextLimits.text("reason", request.reason()).ifPresent(p -> {
            throw ApiException.badRequest("Re-queue refused", List.of(p));
        });
        return request.reason().trim();
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
