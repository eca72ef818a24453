package org.borderwatch.alert.api;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.delivery.webhook.WebhookSignature;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI 3.1 {@code webhooks} entry {@value #WEBHOOK}: what a JSON webhook subscriber receives — a
 * {@code POST} of the {@link Notification} (the schema common's {@code notification.schema.json} describes), signed
 * with the three {@code X-BorderWatch-*} headers — and the answer expected of it.
 */
final class WebhookDocs {

    static final String WEBHOOK = "alert";
    static final String NOTIFICATION_SCHEMA = "Notification";

    private WebhookDocs() {
    }

    static void addTo(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        // the record the service serialises as the body, with the schemas it refers to (Alert, …)
        @SuppressWarnings("rawtypes")
        Map<String, Schema> schemas = ModelConverters.getInstance(true)
                .readAll(new AnnotatedType(Notification.class));
        schemas.forEach((name, schema) -> {
            if (openApi.getComponents().getSchemas() == null
                    || !openApi.getComponents().getSchemas().containsKey(name)) {
                openApi.getComponents().addSchemas(name, schema);
            }
        });
        Schema<?> notification = openApi.getComponents().getSchemas().get(NOTIFICATION_SCHEMA);
        notification.setRequired(List.of("deliveryId", "subscriptionId", "mode", "sentAt", "alerts"));
        notification.setDescription("What a subscriber receives (also the body of a Kafka subscription's record and "
                + "of an e-mail's JSON part): one or more alert messages, several when incidents of one segment were "
                + "grouped within the group wait, or a digest. deliveryId is the idempotency key, the same on every "
                + "retry; it is covered by the signature (the X-BorderWatch-Delivery header is an unsigned copy), "
                + "so receivers de-duplicate on it. noLongerMatching lists the messages that no longer "
                + "match the subscription's filter (left out when there are none). withdrawn lists the messages "
                + "that close an incident the classifier withdrew instead of resolving it (kind MERGED, with "
                + "mergedInto, the incident that carries on; or DISSOLVED: its reports moved to another incident "
                + "after a correction), read from the assessment's closure (the last rationale sentence for an "
                + "older classifier); the alert message itself carries the same mark as withdrawn; left out when "
                + "there are none. Receivers order messages of one "
                + "alert by sequence, not by arrival");

        Operation post = new Operation()
                .operationId("receiveAlertNotification")
                .summary("An alert notification POSTed to a webhook subscription's url")
                .description("""
                        Sent for every notification of a subscription with channel type webhook (format json). \
                        Verify before parsing: the signature is the HMAC-SHA256, keyed with the subscription's \
                        secret, of the X-BorderWatch-Timestamp value, a '.' and the raw body bytes; refuse a \
                        timestamp far from now (e.g. more than 300 s) to refuse replays. Delivery is at-least-once: \
                        remember the deliveryId values of the verified bodies already processed (the body's \
                        deliveryId is signed; the X-BorderWatch-Delivery header is the same value, unsigned). \
                        Redirects are not followed. (A webhook with channel.format cap receives the CAP 1.2 document \
                        instead, as application/cap+xml, with the same headers; de-duplicate it on the CAP \
                        identifier, one per message, which the signature covers.)""")
                .addParametersItem(header(WebhookSignature.HEADER_TIMESTAMP, "When this attempt was signed, in unix "
                        + "seconds (fresh on every retry)", new StringSchema().pattern("^[0-9]+$").example("1795400010")))
                .addParametersItem(header(WebhookSignature.HEADER_SIGNATURE, "sha256=<lower-case hex HMAC-SHA256 of "
                        + "timestamp + \".\" + raw body, keyed with the subscription's secret>",
                        new StringSchema().pattern("^sha256=[0-9a-f]{64}$")))
                .addParametersItem(header(WebhookSignature.HEADER_DELIVERY, "The idempotency key of the notification "
                        + "(its deliveryId): the same on every retry of it. Not covered by the signature: "
                        + "de-duplicate on the body's deliveryId, which is", new StringSchema().minLength(1)))
                .requestBody(new RequestBody().required(true).description("The notification as JSON")
                        .content(new Content().addMediaType("application/json", new MediaType()
                                .schema(new Schema<>().$ref("#/components/schemas/" + NOTIFICATION_SCHEMA)))))
                .responses(new ApiResponses()
                        .addApiResponse("2XX", new ApiResponse().description("Received: any 2xx status is success "
                                + "(the body of the answer is ignored); the delivery is DELIVERED"))
                        .addApiResponse("default", new ApiResponse().description("408, 425, 429 and 5xx (and no "
                                + "answer within the timeout) are retried with backoff, in rounds, under the same "
                                + "X-BorderWatch-Delivery; any other status fails the delivery at once (FAILED, "
                                + "visible in GET /api/v1/alerts/{alertId}/deliveries)")))
                // the service calls the subscriber: no HTTP Basic of this API, the signature authenticates it
                .security(List.of(new SecurityRequirement()));
        openApi.addWebhooks(WEBHOOK, new PathItem().post(post));
    }

    private static HeaderParameter header(String name, String description, Schema<?> schema) {
        HeaderParameter p = new HeaderParameter();
        p.name(name).description(description).required(true).schema(schema);
        return p;
    }
}
