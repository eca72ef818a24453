package org.borderwatch.alert.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
                                acknowledgements and delivery audit. Every operation needs HTTP Basic credentials \
                                of a configured user: role STAFF (read, own subscriptions, review, acknowledge, \
                                silence) or ADMIN (everything). Errors are RFC 9457 application/problem+json with \
                                type urn:borderwatch:problem:<kind>."""))
                .components(new Components().addSecuritySchemes(SECURITY_SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user of alert.security.users (roles STAFF or ADMIN)")))
                .addSecurityItem(new SecurityRequirement().addList(SECURITY_SCHEME));
    }
}
