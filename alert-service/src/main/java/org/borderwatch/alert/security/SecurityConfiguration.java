package org.borderwatch.alert.security;

import jakarta.servlet.DispatcherType;
import org.borderwatch.alert.AlertProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;


/**
 * HTTP Basic with users from configuration ({@code alert.security.users}); roles STAFF (read, own
 * subscriptions, review, acknowledge, silence, an alert's and a silence's audit) and ADMIN (everything, including
 * other people's subscriptions and silences, re-queuing deliveries and the whole audit, {@code /api/v1/audit}). Health, Prometheus and the OpenAPI document are open. Errors are problem+json.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    @Bean
    FailedLogins failedLogins(java.time.Clock clock, AlertProperties properties) {
        return new FailedLogins(clock, properties.security().failedLoginLogInterval());
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, FailedLogins failedLogins) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            // wrong credentials (not merely none): one WARN line per user name and address, throttled (review F8)
            if (!(e instanceof org.springframework.security.authentication.InsufficientAuthenticationException)) {
                failedLogins.failed(basicUser(request.getHeader("Authorization")), request.getRemoteAddr())
                        .ifPresent(line -> log.warn("{}: {}", line, e.getClass().getSimpleName()));
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"BorderWatch\"");
            problem(response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
                    "send HTTP Basic credentials of a configured user");
        };
        AccessDeniedHandler denied = (request, response, e) -> problem(response, HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "your role does not allow " + request.getMethod() + " " + request.getRequestURI());
        http.csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html")
                        .permitAll()
                        // operators' actions on the delivery pipeline (re-queue FAILED deliveries)
                        .requestMatchers("/api/v1/deliveries", "/api/v1/deliveries/**").hasRole("ADMIN")
                        // the whole audit (who did what to which alert, silence, subscription, verdict)
                        .requestMatchers("/api/v1/audit", "/api/v1/audit/**").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.GET, "/api/**").hasAnyRole("STAFF", "ADMIN")
                        .requestMatchers("/api/**").hasAnyRole("STAFF", "ADMIN")
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(b -> b.authenticationEntryPoint(unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(denied));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(AlertProperties properties) {
        var manager = new InMemoryUserDetailsManager();
        properties.security().users().forEach(u -> manager.createUser(User.withUsername(u.name())
                .password(u.password())
                .roles(u.roles().stream().map(r -> r.toUpperCase(java.util.Locale.ROOT)).toArray(String[]::new))
                .build()));
        if (properties.security().users().isEmpty()) {
            log.warn("no users configured under alert.security.users: every API call will be refused");
        }
        return manager;
    }

    /** The user name of an HTTP Basic header (never the password), or null. */
    static String basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(java.util.Base64.getDecoder().decode(authorization.substring(6).trim()),
                    java.nio.charset.StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            // without a colon the text may be a password typed alone: never logged
            return colon < 0 ? "(malformed Basic header)" : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return "(unreadable Basic header)";
        }
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, HttpStatus status, String type,
                                String title, String detail) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        // the detail may quote the request path: let the JSON writer escape it
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "urn:borderwatch:problem:" + type);
        body.put("title", title);
        body.put("status", status.value());
        body.put("detail", detail);
        response.getOutputStream().write(org.borderwatch.common.json.Json.writeBytes(body));
    }
}
