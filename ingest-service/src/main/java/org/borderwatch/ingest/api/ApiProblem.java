package org.borderwatch.ingest.api;

import io.swagger.v3.oas.annotations.media.Schema;

import java.net.URI;
import java.util.List;

/**
 * The shape of this API's RFC 9457 problems, for the OpenAPI document only (the answers are Spring's
 * {@code ProblemDetail} with these properties).
 */
@Schema(name = "Problem", description = "RFC 9457 problem (application/problem+json)")
public record ApiProblem(
        @Schema(description = "urn:borderwatch:problem:<kind>: rejected-input (told apart by reason), "
                + "broker-unavailable, internal-error, unauthorized, forbidden, unsupported-media-type, not-found, "
                + "method-not-allowed, not-acceptable, invalid-request (a malformed query parameter)",
                example = "urn:borderwatch:problem:rejected-input") URI type,
        @Schema(example = "Report rejected") String title,
        @Schema(example = "400") int status,
        @Schema(description = "one readable line", example = "$.publishedAt: is required") String detail,
        @Schema(description = "the request path") URI instance,
        @Schema(description = "for refused input: the rejection reason, as on the rejected topic",
                allowableValues = {"MALFORMED", "SCHEMA_VIOLATION", "TOO_LARGE", "UNSUPPORTED_FORMAT",
                        "TIME_OUT_OF_RANGE", "EMPTY_TEXT", "SOURCE_MISMATCH", "SOURCE_NOT_ALLOWED",
                        "CORRECTION_CONFLICT", "PROCESSING_ERROR"}) String reason,
        @Schema(description = "each bad field (at most 50)") List<FieldError> errors,
        @Schema(description = "internal-error only: the id to quote (the log has the stack trace)") String errorId) {

    /** One bad field of a refused record. */
    @Schema(name = "FieldError")
    public record FieldError(@Schema(description = "a JSON path or a column", example = "$.publishedAt") String field,
                             @Schema(example = "is required") String message) {
    }
}
