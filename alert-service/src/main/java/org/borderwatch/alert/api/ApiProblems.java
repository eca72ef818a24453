package org.borderwatch.alert.api;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.silence.SilenceRejectedException;
import org.borderwatch.common.json.JsonReadException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every API error as {@code application/problem+json} (RFC 9457) with this service's {@code type} URIs, including
 * the framework's own request errors (unreadable or missing body, a value of the wrong type in the body, a path
 * variable or a query parameter): their {@code detail} names the field or parameter and, for enums, the allowed
 * values. Never a stack trace or a Java signature.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "urn:borderwatch:problem:";
    /** The problem type of an API call the store did not answer in time (503, with {@code Retry-After}). */
    public static final String STORE_UNAVAILABLE = "store-unavailable";
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiProblems.class);

    private final Duration retryAfter;

    @org.springframework.beans.factory.annotation.Autowired
    public ApiProblems(AlertProperties properties) {
        this(properties.store().retryAfter());
    }

    ApiProblems(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /**
     * The store did not answer (no server to select, a connection refused or reset, a read timed out): a 503 the
     * caller can retry, not an internal error. One WARN line with the reason, no stack trace; the {@code store}
     * readiness check says the same.
     */
    @ExceptionHandler({DataAccessResourceFailureException.class, MongoTimeoutException.class,
            MongoSocketException.class})
    ResponseEntity<ProblemDetail> storeUnavailable(Exception e) {
        LOG.warn("the store did not answer a request: {}", oneLine(storeCause(e)));
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The alert store does not answer at the moment; retry the request later.");
        p.setType(URI.create(TYPE_BASE + STORE_UNAVAILABLE));
        p.setTitle("Store unavailable");
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                Long.toString(seconds)).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    /**
     * Whether {@code e} or one of its causes says the store did not answer: the driver's timeouts (server selection,
     * socket read, an operation's own) and connection failures, and Spring Data's translation of them.
     */
    static boolean isStoreUnavailable(Throwable e) {
        return storeCause(e) != null;
    }

    private static Throwable storeCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof MongoTimeoutException
                    || t instanceof MongoSocketException) {
                return t;
            }
        }
        return null;
    }

    private static String oneLine(Throwable t) {
        String s = t == null ? "" : (t.getClass().getSimpleName() + ": " + t.getMessage()).replaceAll("\\s+", " ");
        return s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(ApiException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        p.setType(URI.create(TYPE_BASE + e.type()));
        p.setTitle(e.title());
        if (!e.problems().isEmpty()) {
            p.setProperty("problems", e.problems());
        }
        return p;
    }

    @ExceptionHandler(SilenceRejectedException.class)
    ProblemDetail silence(SilenceRejectedException e) {
        return api(ApiException.badRequest("Silence refused", e.problems()));
    }

    @ExceptionHandler({IllegalArgumentException.class, JsonReadException.class})
    ProblemDetail invalid(RuntimeException e) {
        return api(ApiException.badRequest("Invalid request", List.of(e.getMessage())));
    }

    /** A body that is missing, is not JSON, or has a value of the wrong type in a field. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        String detail = unreadable(ex);
        return ResponseEntity.badRequest().headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(api(ApiException.badRequest("Unreadable request body", List.of(detail))));
    }

    /** A path variable or query parameter that does not convert (bad UUID, enum, instant, number). */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        String kind = ex instanceof MethodArgumentTypeMismatchException m
                && m.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)
                ? "path variable" : "parameter";
        String detail = kind + " '" + name + "' " + expected(ex.getRequiredType()) + ", got '"
                + shorten(String.valueOf(ex.getValue())) + "'";
        return ResponseEntity.badRequest().headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(api(ApiException.badRequest("Invalid " + kind, List.of(detail))));
    }

    /** Every other framework error keeps its status and detail but gets this service's problem type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // the body is null for most of them: the exception's own problem (ErrorResponse) is what is written
        ProblemDetail problem = body instanceof ProblemDetail p ? p
                : body == null && ex instanceof ErrorResponse e ? e.getBody() : null;
        if (problem != null && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(URI.create(TYPE_BASE + kindOf(statusCode)));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
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

    /** What was wrong with a body, in words a caller can act on (field path, expected type, allowed values). */
    static String unreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        if (cause == null && ex.getMessage() != null && ex.getMessage().startsWith("Required request body is missing")) {
            return "a JSON request body is required";
        }
        if (cause instanceof InvalidFormatException f) {
            return "field '" + path(f) + "' " + expected(f.getTargetType()) + ", got '"
                    + shorten(String.valueOf(f.getValue())) + "'";
        }
        if (cause instanceof UnrecognizedPropertyException u) {
            var known = u.getKnownPropertyIds() == null ? List.<String>of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return "field '" + path(u) + "' is not known" + (known.isEmpty() ? ""
                    : "; allowed: " + String.join(", ", known));
        }
        if (cause instanceof ValueInstantiationException v) {
            // the cause is our own constructor's refusal (e.g. a required field); never Jackson's own message,
            // which names Java classes
            String why = v.getCause() == null || v.getCause().getMessage() == null ? "invalid value"
                    : shorten(v.getCause().getMessage());
            String at = path(v);
            return (at.isEmpty() ? "the request body" : "field '" + at + "'") + " is invalid: " + why;
        }
        if (cause instanceof MismatchedInputException m) {
            String at = path(m);
            String where = at.isEmpty() ? "the request body" : "field '" + at + "'";
            if (m.getTargetType() == null) {
                return where + " has a value of the wrong shape";
            }
            return where + " " + expected(m.getTargetType());
        }
        if (cause instanceof StreamReadException r) {
            var loc = r.getLocation();
            return "the request body is not valid JSON" + (loc == null ? ""
                    : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")");
        }
        if (cause instanceof JacksonException j && !path(j).isEmpty()) {
            return "field '" + path(j) + "' could not be read";
        }
        return "the request body could not be read as JSON";
    }

    /** {@code filter.segments[0]}: property names and indexes of the path to the failing value. */
    static String path(JacksonException e) {
        StringBuilder b = new StringBuilder();
        for (JacksonException.Reference r : e.getPath()) {
            if (r.getPropertyName() != null) {
                if (!b.isEmpty()) {
                    b.append('.');
                }
                b.append(r.getPropertyName());
            } else if (r.getIndex() >= 0) {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    /** "must be one of A, B, C" for enums, a readable type name for the rest. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type == Instant.class || type == OffsetDateTime.class) {
            return "must be an ISO-8601 date-time such as 2025-03-16T10:40:00Z";
        }
        if (type == Duration.class) {
            return "must be an ISO-8601 duration such as PT30S";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "must be a number";
        }
        if (type == String.class) {
            return "must be a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a JSON array";
        }
        return "must be a JSON object";
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    /**
     * Anything unexpected: a 500 problem with an error id to quote, never a stack trace; the log has the details.
     * Security exceptions go back to Spring Security (401/403), a vanished client's I/O errors to the container.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException
                // a client that went away (e.g. a live-stream reader): nothing to answer, nothing to report
                || e instanceof java.io.IOException
                || e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
            throw e;
        }
        if (isStoreUnavailable(e)) { // wrapped, e.g. an UncategorizedMongoDbException around a socket timeout
            return storeUnavailable(e);
        }
        String errorId = UUID.randomUUID().toString();
        LOG.error("unexpected error {} while answering a request", errorId, e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote error id " + errorId + " when reporting it.");
        p.setType(URI.create(TYPE_BASE + "internal-error"));
        p.setTitle("Internal error");
        p.setProperty("errorId", errorId);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail missing(NoSuchElementException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setType(URI.create(TYPE_BASE + "not-found"));
        p.setTitle("Not found");
        return p;
    }
}
