package org.borderwatch.alert.api;

import org.borderwatch.alert.silence.SilenceRejectedException;
import org.borderwatch.common.json.JsonReadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;
import java.util.List;
import java.util.NoSuchElementException;

/** Every API error as {@code application/problem+json} (RFC 9457). */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

    public static final String TYPE_BASE = "urn:borderwatch:problem:";

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

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail missing(NoSuchElementException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
        p.setType(URI.create(TYPE_BASE + "not-found"));
        p.setTitle("Not found");
        return p;
    }
}
