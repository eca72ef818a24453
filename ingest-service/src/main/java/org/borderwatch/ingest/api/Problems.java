package org.borderwatch.ingest.api;

import org.springframework.http.HttpStatusCode;

import java.net.URI;

/**
 * The {@code type} URIs of this service's problems ({@code urn:borderwatch:problem:<kind>}, as in alert-service).
 * Refused input has its own kind ({@code rejected-input}, told apart by {@code reason}); every other problem is named
 * by its status.
 */
final class Problems {

    static final String BASE = "urn:borderwatch:problem:";
    static final URI REJECTED_INPUT = URI.create(BASE + "rejected-input");
    static final URI BROKER_UNAVAILABLE = URI.create(BASE + "broker-unavailable");
    static final URI INTERNAL_ERROR = URI.create(BASE + "internal-error");

    private Problems() {
    }

    /** The type of a problem named by its status (the same kinds alert-service uses). */
    static URI type(HttpStatusCode status) {
        return URI.create(BASE + kindOf(status));
    }

    static String kindOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "too-large";
            case 415 -> "unsupported-media-type";
            case 503 -> "unavailable";
            default -> status.is5xxServerError() ? "server-error" : "http-" + status.value();
        };
    }
}
