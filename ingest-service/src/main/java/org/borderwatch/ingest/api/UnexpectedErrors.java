package org.borderwatch.ingest.api;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.UUID;

/**
 * The last resort for the HTTP API: an error nobody planned for (a bug) is a 500 problem with an error id to quote,
 * logged with its stack trace, never the framework's error page. The framework's own errors keep their status
 * ({@link FrameworkProblems} gives them this service's problem types); a client that went away gets nothing.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class UnexpectedErrors {

    static final URI TYPE = Problems.INTERNAL_ERROR;
    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof ErrorResponse || e instanceof java.io.IOException
                || e instanceof org.springframework.web.context.request.async.AsyncRequestNotUsableException) {
            throw e; // FrameworkProblems (or the error page) answers these (400, 404, 405, 415, …), or no one is there
        }
        String errorId = UUID.randomUUID().toString();
        log.error("unexpected error {} while answering a request", errorId, e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote error id " + errorId + " when reporting it.");
        p.setType(TYPE);
        p.setTitle("Internal error");
        p.setProperty("errorId", errorId);
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
