package org.borderwatch.ingest.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.stream.Collectors;

/**
 * The framework's own request errors (no such endpoint, a method the path does not take, a query parameter of the
 * wrong type or missing, an Accept header nothing satisfies …) as this service's problems: the {@code type} of
 * {@link Problems}, the status kept, a plain {@code detail} ("no such endpoint: GET /api/v1/nothing") instead of the
 * framework's wording. Replaces Spring Boot's default problem handler; ahead of {@link UnexpectedErrors}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FrameworkProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> answer = super.handleExceptionInternal(ex, body, headers, status, request);
        if (answer == null) { // the response is already committed: nothing to answer
            return null;
        }
        ProblemDetail problem = answer.getBody() instanceof ProblemDetail p ? p
                : ex instanceof ErrorResponse e ? e.getBody() : ProblemDetail.forStatus(status);
        problem.setType(Problems.type(status));
        String plain = detail(ex, request);
        if (plain != null) {
            problem.setDetail(plain);
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** A plain sentence for the errors a caller meets; null keeps the framework's detail. */
    static String detail(Exception ex, WebRequest request) {
        String method = request instanceof NativeWebRequest n && n.getNativeRequest() instanceof HttpServletRequest r
                ? r.getMethod() : "";
        String path = request instanceof NativeWebRequest n && n.getNativeRequest() instanceof HttpServletRequest r
                ? r.getRequestURI() : "";
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return "no such endpoint: " + method + " " + path;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException m) {
            String allowed = m.getSupportedHttpMethods() == null ? ""
                    : m.getSupportedHttpMethods().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            return path + " does not take " + method + (allowed.isEmpty() ? "" : "; it takes " + allowed);
        }
        if (ex instanceof MissingServletRequestParameterException m) {
            return "the query parameter '" + m.getParameterName() + "' is required";
        }
        if (ex instanceof TypeMismatchException t) {
            String name = t instanceof MethodArgumentTypeMismatchException m ? m.getName() : t.getPropertyName();
            Class<?> type = t.getRequiredType();
            String expected = type == boolean.class || type == Boolean.class ? "true or false"
                    : type == int.class || type == Integer.class || type == long.class || type == Long.class
                    ? "a whole number" : "a valid value";
            String value = String.valueOf(t.getValue());
            return "'" + name + "' must be " + expected + ", not '"
                    + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'";
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return "no answer in a type the Accept header allows; this API answers application/json "
                    + "(problems: application/problem+json)";
        }
        return null;
    }
}
