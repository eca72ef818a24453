package org.borderwatch.ingest.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The servlet container's error page ({@code /error}, replacing Spring Boot's), for what goes wrong outside the
 * controllers (a filter, the container): a problem of this service, never Boot's {@code {timestamp, status, error,
 * path}} map. An error that is no client's fault gets an error id to quote, like {@link UnexpectedErrors}.
 */
@Hidden
@RestController
class ErrorEndpoint implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ErrorEndpoint.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getRequestURI();
        HttpStatus status = code instanceof Integer c && HttpStatus.resolve(c) != null ? HttpStatus.resolve(c)
                : HttpStatus.NOT_FOUND; // asked for /error itself
        ProblemDetail p;
        if (status.is5xxServerError()) {
            String errorId = UUID.randomUUID().toString();
            log.error("error {} answering {}", errorId, path,
                    (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
            p = ProblemDetail.forStatusAndDetail(status,
                    "An unexpected error occurred; quote error id " + errorId + " when reporting it.");
            p.setType(status == HttpStatus.INTERNAL_SERVER_ERROR ? Problems.INTERNAL_ERROR : Problems.type(status));
            p.setProperty("errorId", errorId);
        } else if (status == HttpStatus.NOT_FOUND) {
            p = ProblemDetail.forStatusAndDetail(status, "no such endpoint: " + request.getMethod() + " " + path);
            p.setType(Problems.type(status));
        } else {
            p = ProblemDetail.forStatusAndDetail(status, status.getReasonPhrase());
            p.setType(Problems.type(status));
        }
        try {
            p.setInstance(URI.create(path));
        } catch (IllegalArgumentException e) {
            // a path that is no URI (the container let it through): no instance
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
