package org.borderwatch.alert.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.kafka.KafkaTopicPolicy;
import org.borderwatch.alert.delivery.webhook.WebhookTargetPolicy;
import org.borderwatch.alert.routing.Channel;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.alert.routing.Subscription;
import org.borderwatch.alert.routing.SubscriptionFilter;
import org.borderwatch.alert.store.AuditStore;
import org.borderwatch.alert.store.SubscriptionStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/subscriptions")
@Tag(name = "subscriptions", description = "Who is told what, and how")
public class SubscriptionController {

    private final SubscriptionStore subscriptions;
    private final WebhookTargetPolicy webhookPolicy;
    private final KafkaTopicPolicy kafkaTopics;
    private final AuditStore audit;
    private final AlertProperties properties;
    private final Clock clock;

    public SubscriptionController(SubscriptionStore subscriptions, WebhookTargetPolicy webhookPolicy,
                                  KafkaTopicPolicy kafkaTopics, AuditStore audit, AlertProperties properties,
                                  Clock clock) {
        this.subscriptions = subscriptions;
        this.webhookPolicy = webhookPolicy;
        this.kafkaTopics = kafkaTopics;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping
    @Operation(summary = "Create a subscription; 201 with its id. Webhook targets are checked against SSRF; Kafka "
            + "topics must match alert.kafka.subscription-topic-pattern and never be a pipeline topic")
    @ApiResponse(responseCode = "201", description = "Created; the body is the subscription as stored (the secret "
            + "never shown, only secretSet)", useReturnTypeSchema = true, headers = @Header(name = "Location",
            description = ApiDocs.LOCATION_DOC, schema = @Schema(type = "string", format = "uri-reference")))
    public ResponseEntity<Views.SubscriptionView> create(@RequestBody Views.SubscriptionRequest request,
                                                         Authentication auth) {
        List<String> problems = new ArrayList<>();
        if (request.name() == null || request.name().isBlank()) {
            problems.add("name is required");
        }
        org.borderwatch.alert.text.TextLimits.name("name", request.name()).ifPresent(problems::add);
        if (request.channel() == null) {
            throw ApiException.badRequest("Subscription refused", List.of("channel is required"));
        }
        Channel channel;
        try {
            var c = request.channel();
            channel = new Channel(ChannelType.parse(c.type()), blank(c.url()), blank(c.address()), blank(c.topic()),
                    c.secret(), c.format());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Subscription refused", List.of(e.getMessage()));
        }
        problems.addAll(channel.problems());
        DeliveryMode mode;
        try {
            mode = request.mode() == null ? DeliveryMode.IMMEDIATE
                    : DeliveryMode.valueOf(request.mode().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            mode = DeliveryMode.IMMEDIATE;
            problems.add("mode must be immediate or digest");
        }
        Duration digest = null;
        if (mode == DeliveryMode.DIGEST) {
            digest = request.digestInterval() == null ? properties.lifecycle().defaultDigestInterval()
                    : request.digestInterval();
            if (digest.isNegative() || digest.isZero()) {
                problems.add("digestInterval must be positive");
            }
        }
        Duration groupWait = request.groupWait();
        if (groupWait != null) {
            if (mode == DeliveryMode.DIGEST) {
                problems.add("groupWait applies to immediate subscriptions only (a digest waits for its interval)");
            } else if (groupWait.isNegative() || groupWait.compareTo(properties.lifecycle().maxGroupWait()) > 0) {
                problems.add("groupWait must be between PT0S and " + properties.lifecycle().maxGroupWait());
            }
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Subscription refused", problems);
        }
        if (channel.type() == ChannelType.WEBHOOK) {
            webhookPolicy.problem(channel.url()).ifPresent(problem -> {
                throw new ApiException(HttpStatus.BAD_REQUEST, "unsafe-webhook", "Webhook target refused", problem,
                        List.of(problem));
            });
        }
        if (channel.type() == ChannelType.KAFKA) {
            kafkaTopics.problem(channel.topic()).ifPresent(problem -> {
                throw new ApiException(HttpStatus.BAD_REQUEST, "forbidden-kafka-topic", "Kafka topic refused",
                        problem, List.of(problem));
            });
        }
        var f = request.filter();
        SubscriptionFilter filter = f == null ? SubscriptionFilter.ANY
                : new SubscriptionFilter(f.segments(), f.minSeverity(), f.signals(), f.occurrences());
        Subscription s = new Subscription(UUID.randomUUID().toString(), request.name().trim(), Callers.name(auth),
                channel, filter, mode, digest, groupWait, clock.instant());
        subscriptions.save(s);
        audit.record(Callers.name(auth), "subscribe", "subscription:" + s.id(),
                s.name() + " -> " + channel.type().wireName() + " " + channel.target(), clock.instant());
        // answered as stored (the store keeps times to the millisecond), so the answer equals a later GET
        Subscription stored = subscriptions.find(s.id()).orElse(s);
        return ResponseEntity.created(URI.create("/api/v1/subscriptions/" + s.id()))
                .body(Views.SubscriptionView.of(stored));
    }

    @GetMapping
    @Operation(summary = "Your subscriptions (all of them for ADMIN)")
    public List<Views.SubscriptionView> list(Authentication auth) {
        var list = Callers.isAdmin(auth) ? subscriptions.all() : subscriptions.byOwner(Callers.name(auth));
        return list.stream().map(Views.SubscriptionView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One subscription: your own, or any as ADMIN")
    @ApiDocs.ProblemResponses({403, 404})
    public Views.SubscriptionView get(@PathVariable String id, Authentication auth) {
        return Views.SubscriptionView.of(owned(id, auth, "read"));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a subscription: your own, or any as ADMIN")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiDocs.ProblemResponses({403, 404})
    public ResponseEntity<Void> delete(@PathVariable String id, Authentication auth) {
        Subscription s = owned(id, auth, "delete");
        subscriptions.delete(s.id());
        audit.record(Callers.name(auth), "unsubscribe", "subscription:" + s.id(), s.name(), clock.instant());
        return ResponseEntity.noContent().build();
    }

    private Subscription owned(String id, Authentication auth, String action) {
        Subscription s = subscriptions.find(id).orElseThrow(() -> ApiException.notFound("subscription " + id));
        if (!Callers.isAdmin(auth) && !Callers.name(auth).equals(s.owner())) {
            throw ApiException.forbidden("subscription " + id + " belongs to " + s.owner()
                    + "; only its owner or an ADMIN may " + action + " it");
        }
        return s;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
