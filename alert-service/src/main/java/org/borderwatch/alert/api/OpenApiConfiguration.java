package org.borderwatch.alert.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;

/**
 * The OpenAPI document's title, description and version, and HTTP Basic as the security scheme of every
 * operation. The document itself ({@code /v3/api-docs}, {@code /swagger-ui.html}) is open: it describes the
 * API's shape, holds no data, and every operation it lists still needs credentials.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The version of the API contract (the paths are {@code /api/v1}), not of the build. */
    public static final String API_VERSION = "1.0.0";
    public static final String SECURITY_SCHEME = "basicAuth";

    @Bean
    OpenAPI borderWatchAlertApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("BorderWatch alert-service API")
                        .version(API_VERSION)
                        .description("""
                                Verdicts of reported ceasefire incidents (with staff reviews), alerts and their \
                                lifecycle, subscriptions (webhook, e-mail, Kafka, live stream), silences, \
                                acknowledgements, delivery audit and the audit of who did what. Every operation \
                                needs HTTP Basic credentials of a configured user: role STAFF (read, own \
                                subscriptions, review, acknowledge, silence, an alert's and a silence's audit) or \
                                ADMIN (everything, including the whole audit). Errors are RFC 9457 application/problem+json with \
                                type urn:borderwatch:problem:<kind>."""))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user of alert.security.users (roles STAFF or ADMIN)"))
                        .addSchemas(ApiDocs.PROBLEM_SCHEMA, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }

    /** RFC 9457 problem details as this service writes them. */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri")
                        .description("urn:borderwatch:problem:<kind>, e.g. invalid-request, not-found, forbidden"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What was wrong, naming the field or parameter"))
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("problems", new ArraySchema().items(new StringSchema())
                        .description("Each problem, when there are several"))
                .addProperty("errorId", new StringSchema()
                        .description("Only for 500 internal-error: the id to quote; the log has the details"));
    }

    /** 400/401/403/404/406/415 problem responses where they occur: see {@link ApiDocs}. */
    @Bean
    OperationCustomizer borderWatchProblemResponses() {
        return ApiDocs.problems();
    }

    /** The {@code webhooks} entry: what a webhook subscriber receives and is expected to answer. */
    @Bean
    OpenApiCustomizer borderWatchWebhook() {
        return WebhookDocs::addTo;
    }

    /**
     * What the shared model's newer fields mean (common's records carry no OpenAPI annotations): the statements
     * behind a verdict ({@code evidence}, on Assessment and on every Alert message), the link to the verdict, why an
     * incident closed ({@code closure}) and the mark of a withdrawn incident's close ({@code withdrawn}).
     */
    @Bean
    OpenApiCustomizer borderWatchEvidenceDescriptions() {
        Map<String, Map<String, String>> descriptions = Map.of(
                "Alert", Map.of(
                        "evidence", ApiDocs.EVIDENCE_DOC,
                        "verdictUrl", ApiDocs.VERDICT_URL_DOC,
                        "withdrawn", "On the message that closes an incident the classifier withdrew rather than "
                                + "resolved: kind MERGED (mergedInto names the incident that carries on) or "
                                + "DISSOLVED (its reports moved elsewhere); left out otherwise"),
                "Assessment", Map.of("evidence", ApiDocs.EVIDENCE_DOC,
                        "closure", "Why the incident closed, on closed versions only: reason QUIET, MERGED (with "
                                + "mergedInto), DISSOLVED or ASSESSED_ALONE; left out by an older classifier"),
                "Evidence", Map.of(
                        "reportId", "The report's id (IncidentReport.reportId)",
                        "revision", "The report's revision the verdict used (a correction raises it)",
                        "source", "Who published the statement: id, name, kind and party as the source registry "
                                + "names them",
                        "stance", "What the statement says about the incident: CLAIM, DENIAL, REFUTATION, "
                                + "CONFIRMATION or UNKNOWN",
                        "publishedAt", "When the source published it",
                        "url", "Where the statement can be read, when the partner sent an address (left out "
                                + "otherwise). As given by the partner: e-mail and CAP make only http(s) "
                                + "addresses links"),
                "VerdictDetail", Map.of("history", "Every stored version, oldest first, each with its own "
                        + "evidence (the statements behind that version)"));
        return openApi -> {
            var schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
            if (schemas == null) {
                return;
            }
            descriptions.forEach((name, fields) -> {
                Schema<?> schema = schemas.get(name);
                if (schema == null || schema.getProperties() == null) {
                    return;
                }
                fields.forEach((field, text) -> {
                    Schema<?> property = schema.getProperties().get(field);
                    if (property != null) {
                        property.setDescription(text);
                    }
                });
            });
            Schema<?> evidence = schemas.get("Evidence");
            if (evidence != null) {
                evidence.setDescription("One statement behind a verdict: which report, who published it, its "
                        + "stance, when, and where to read it");
            }
        };
    }

    /** The fields a request body must have (the records cannot say so without annotating the plain-Java core). */
    @Bean
    OpenApiCustomizer borderWatchRequiredFields() {
        Map<String, List<String>> required = Map.of(
                "SilenceRequest", List.of("endsAt", "reason"),
                "SubscriptionRequest", List.of("name", "channel"),
                "ChannelRequest", List.of("type"),
                "AckRequest", List.of("comment"),
                "RequeueRequest", List.of("reason"),
                "AbandonRequest", List.of("reason"),
                "ReviewRequest", List.of("occurrence", "note"));
        return openApi -> {
            var schemas = openApi.getComponents() == null ? null : openApi.getComponents().getSchemas();
            if (schemas == null) {
                return;
            }
            required.forEach((name, fields) -> {
                Schema<?> schema = schemas.get(name);
                if (schema != null) {
                    schema.setRequired(fields);
                }
            });
        };
    }
}
