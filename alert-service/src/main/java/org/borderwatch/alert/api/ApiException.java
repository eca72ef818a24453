package org.borderwatch.alert.api;

import org.springframework.http.HttpStatus;

import java.util.List;

/** An API error that becomes an RFC 9457 problem: status, a short title, the detail and the list of problems. */
public class ApiException extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;
    private final List<String> problems;

    public ApiException(HttpStatus status, String type, String title, String detail, List<String> problems) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist", null);
    }

    public static ApiException badRequest(String title, List<String> problems) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid-request", title, String.join("; ", problems),
                problems);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail, null);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<String> problems() {
        return problems;
    }
}
