package org.borderwatch.alert.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Query parameters read strictly, like the request bodies: a parameter an endpoint does not take is a 400 naming it
 * and the ones it takes (a misspelt filter must never quietly match everything), list filters accept the singular
 * and the plural name, each repeatable and comma-separated, and a {@code +} of an offset that arrived as a space
 * is read as the {@code +} it was.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * The values of a list filter given under either name ({@code segment} or {@code segments}), each value possibly
     * a comma-separated list; an empty result means "any". A value that is not one of the enum's names is a 400
     * naming the parameter as it was sent and the allowed values.
     */
    static <E extends Enum<E>> Set<E> enums(Class<E> type, String singular, Collection<String> singularValues,
                                            String plural, Collection<String> pluralValues) {
        Set<E> out = new LinkedHashSet<>();
        add(type, singular, singularValues, out);
        add(type, plural, pluralValues, out);
        return out;
    }

    private static <E extends Enum<E>> void add(Class<E> type, String name, Collection<String> values, Set<E> out) {
        if (values == null) {
            return;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split(",")) {
                String v = part.trim();
                if (v.isEmpty()) {
                    continue;
                }
                try {
                    out.add(Enum.valueOf(type, v));
                } catch (IllegalArgumentException e) {
                    throw invalid(name, ApiProblems.expected(type), v);
                }
            }
        }
    }

    /** The severities at or above {@code min} (all of them when {@code min} is null). */
    static Set<org.borderwatch.common.model.Severity> atLeast(org.borderwatch.common.model.Severity min) {
        Set<org.borderwatch.common.model.Severity> out = EnumSet.noneOf(org.borderwatch.common.model.Severity.class);
        for (var s : org.borderwatch.common.model.Severity.values()) {
            if (min == null || s.isAtLeast(min)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Severities asked for by name ({@code severity}/{@code severities}, any of them) and by {@code minSeverity}
     * (at least): both must hold. Null when neither was given (no severity filter); an empty set when they exclude
     * each other (nothing matches).
     */
    static Set<String> severities(Set<org.borderwatch.common.model.Severity> named,
                                  org.borderwatch.common.model.Severity min) {
        if (named.isEmpty() && min == null) {
            return null;
        }
        Set<org.borderwatch.common.model.Severity> wanted = atLeast(min);
        if (!named.isEmpty()) {
            wanted.retainAll(named);
        }
        return names(wanted);
    }

    /** Enum names, in the order given; null for an empty set (no filter). */
    static <E extends Enum<E>> Set<String> namesOrNull(Set<E> values) {
        return values.isEmpty() ? null : names(values);
    }

    private static <E extends Enum<E>> Set<String> names(Set<E> values) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(v.name()));
        return out;
    }

    /** A space before a trailing {@code HH:MM} offset: a {@code +} that the query string decoded as a space. */
    private static final Pattern SPACE_OFFSET = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T[0-9:.,]+) (\\d{2}:\\d{2})$");

    /**
     * An ISO-8601 date-time with {@code Z} or a numeric offset. A {@code +} written unencoded in a URL reaches the
     * server as a space ({@code application/x-www-form-urlencoded} decoding), so a space right before a trailing
     * {@code HH:MM} offset is read as {@code +}: nothing else can be meant there.
     */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        var m = SPACE_OFFSET.matcher(v);
        if (m.matches()) {
            v = m.group(1) + "+" + m.group(2);
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(v);
            } catch (DateTimeParseException again) {
                throw invalid(name, "must be an ISO-8601 date-time with Z or an offset, such as 2025-03-16T10:40:00Z "
                        + "or 2025-03-16T14:40:00+04:00", value);
            }
        }
    }

    /** An event-time or audit range: {@code from} and {@code to} as {@link #instant}, either or both null. */
    record Window(Instant from, Instant to) {
    }

    /**
     * {@code from} and {@code to} read as {@link #instant}, both named when both are wrong, and {@code from} after
     * {@code to} refused: such a range matches nothing, so a client that swapped the bounds would otherwise get an
     * empty list it cannot tell from "nothing happened".
     */
    static Window window(String from, String to) {
        List<String> problems = new java.util.ArrayList<>();
        Instant fromAt = null;
        Instant toAt = null;
        try {
            fromAt = instant("from", from);
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
        try {
            toAt = instant("to", to);
        } catch (ApiException e) {
            problems.addAll(e.problems());
        }
        if (fromAt != null && toAt != null && fromAt.isAfter(toAt)) {
            problems.add("parameter 'from' (" + fromAt + ") must not be after 'to' (" + toAt + ")");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("Invalid parameter", problems);
        }
        return new Window(fromAt, toAt);
    }

    /** A positive ISO-8601 duration such as {@code PT1H} or {@code P2D} (null when absent: no filter). */
    static java.time.Duration duration(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            java.time.Duration d = java.time.Duration.parse(value.trim());
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw invalid(name, "must be a positive ISO-8601 duration such as PT30M, PT1H or P2D", value);
    }

    /**
     * {@code true} or {@code false} exactly (null when absent: no filter). Anything else — also {@code yes}, {@code 1}
     * or a repeated parameter, which arrives comma-joined — is a 400 naming the parameter.
     */
    static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid(name, "must be true or false", value);
        };
    }

    private static ApiException invalid(String name, String expected, String got) {
        return ApiException.badRequest("Invalid parameter", List.of("parameter '" + name + "' " + expected + ", got '"
                + (got.length() > 80 ? got.substring(0, 80) + "…" : got) + "'"));
    }

    /** The names of the query string's parameters (decoded), in order, each once. */
    static Set<String> names(String queryString) {
        Set<String> names = new LinkedHashSet<>();
        if (queryString == null || queryString.isEmpty()) {
            return names;
        }
        for (String part : queryString.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            String raw = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
            try {
                names.add(URLDecoder.decode(raw, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                names.add(raw);
            }
        }
        return names;
    }

    /** The query parameters an endpoint takes: the names of its {@code @RequestParam}s. */
    static SortedSet<String> allowed(HandlerMethod handler) {
        SortedSet<String> names = new TreeSet<>();
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            if (param == null) {
                continue;
            }
            String name = !param.name().isEmpty() ? param.name() : p.getParameterName();
            if (name != null) {
                names.add(name);
            }
        }
        return names;
    }

    /** What is wrong with the query string's names for an endpoint taking {@code allowed}; empty when nothing. */
    static List<String> unknown(Set<String> given, SortedSet<String> allowed) {
        List<String> problems = new ArrayList<>();
        for (String name : given) {
            if (!allowed.contains(name)) {
                problems.add("parameter '" + (name.length() > 40 ? name.substring(0, 40) + "…" : name)
                        + "' is not known; " + (allowed.isEmpty() ? "this endpoint takes no query parameters"
                        : "allowed: " + String.join(", ", allowed)));
            }
        }
        return problems;
    }

    /**
     * Refuses a request to the API whose query string names a parameter its endpoint does not take, before the
     * endpoint runs (so nothing is created or read under a filter that was not understood).
     */
    static final class Strict implements HandlerInterceptor {

        private final Map<Method, SortedSet<String>> allowedByMethod = new ConcurrentHashMap<>();

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            if (!(handler instanceof HandlerMethod method)) {
                return true;
            }
            SortedSet<String> allowed = allowedByMethod.computeIfAbsent(method.getMethod(), m -> allowed(method));
            List<String> problems = unknown(names(request.getQueryString()), allowed);
            if (!problems.isEmpty()) {
                throw ApiException.badRequest("Unknown query parameter", problems);
            }
            return true;
        }
    }
}
