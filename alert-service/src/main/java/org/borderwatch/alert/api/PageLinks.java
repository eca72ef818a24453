package org.borderwatch.alert.api;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;

/**
 * Paging of the list endpoints in headers, so the body stays a plain list: {@code X-Total-Count} and an RFC 8288
 * {@code Link} header with {@code first}, {@code prev}, {@code next} and {@code last}. Each link is the request's own
 * URL with only {@code page} and {@code size} replaced: the other query parameters are kept exactly as the client
 * sent them (raw, never decoded and encoded again, so a value such as {@code from=…%2B04:00} survives).
 * {@code first}/{@code prev} appear when the page is not the first, {@code next}/{@code last} when a later page
 * holds something; a page past the end links {@code prev} to the last page that has items.
 */
final class PageLinks {

    static final String TOTAL_COUNT = "X-Total-Count";

    private PageLinks() {
    }

    /** The paging every list endpoint takes: a 400 "Invalid paging" unless page >= 0 and 1 <= size <= maxPageSize. */
    static void checkPaging(int page, int size, int maxPageSize) {
        if (page < 0 || size < 1 || size > maxPageSize) {
            throw ApiException.badRequest("Invalid paging", List.of("page >= 0 and 1 <= size <= " + maxPageSize));
        }
    }

    static ResponseEntity.BodyBuilder ok(HttpServletRequest request, int page, int size, long total) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(total));
        String link = link(request.getRequestURL().toString(), request.getQueryString(), page, size, total);
        if (!link.isEmpty()) {
            response.header(HttpHeaders.LINK, link);
        }
        return response;
    }

    /** The {@code Link} header value (empty when there is no other page). */
    static String link(String base, String query, int page, int size, long total) {
        long lastPage = total == 0 ? 0 : (total - 1) / size;
        List<String> kept = new ArrayList<>();
        if (query != null && !query.isEmpty()) {
            for (String part : query.split("&")) {
                String name = part.contains("=") ? part.substring(0, part.indexOf('=')) : part;
                if (!part.isEmpty() && !name.equals("page") && !name.equals("size")) {
                    kept.add(part);
                }
            }
        }
        String prefix = base + "?" + (kept.isEmpty() ? "" : String.join("&", kept) + "&");
        List<String> links = new ArrayList<>();
        if (page > 0) {
            links.add(one(prefix, 0, size, "first"));
            links.add(one(prefix, Math.min(page - 1, lastPage), size, "prev"));
        }
        if (page < lastPage) {
            links.add(one(prefix, page + 1, size, "next"));
            links.add(one(prefix, lastPage, size, "last"));
        }
        return String.join(", ", links);
    }

    private static String one(String prefix, long page, int size, String rel) {
        return "<" + prefix + "page=" + page + "&size=" + size + ">; rel=\"" + rel + "\"";
    }
}
