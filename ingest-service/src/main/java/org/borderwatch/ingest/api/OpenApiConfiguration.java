package org.borderwatch.ingest.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.borderwatch.ingest.config.IngestProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, description and version, and the partner API key as a security scheme (an
 * {@code apiKey} in the header named by {@code ingest.api.header}). Only the report upload requires it: the
 * reference-data GETs are public, so the scheme is set per operation, not for the whole document. The document
 * itself ({@code /v3/api-docs}, {@code /swagger-ui.html}) is open: it describes the API's shape and holds no data
 * (no keys, no partners).
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    /** The version of the API contract (the paths are {@code /api/v1}), not of the build. */
    public static final String API_VERSION = "1.0.0";
    public static final String SECURITY_SCHEME = "partnerApiKey";

    @Bean
    OpenAPI borderWatchIngestApi(IngestProperties properties) {
        String header = properties.api().header();
        return new OpenAPI()
                .info(new Info()
                        .title("BorderWatch ingest-service API")
                        .version(API_VERSION)
                        .description("""
                                Partners send incident reports as canonical IncidentReports, official statements \
                                as text, or ACLED CSV rows; ingest normalises them into canonical reports on the \
                                normalised topic and records every refused record on the rejected topic. Uploads \
                                need a partner API key in the %s header (keys, and the formats each partner may \
                                send, are configuration); the source registry and the gazetteer are public. \
                                Errors are RFC 9457 application/problem+json with type \
                                urn:borderwatch:problem:<kind>.""".formatted(header)))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name(header)
                        .description("A partner key of ingest.api.keys; each key lists the formats it may send")));
    }
}
