package org.borderwatch.ingest.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Reading an upload without trusting its size: a body is read through a bound (never more than asked, whatever the
 * client declared or streams in chunks), and a query flag is read from the query string alone, so looking it up
 * never makes the servlet container parse (read) a form body.
 */
final class RequestBodies {

    private static final int CHUNK = 8192;

    private RequestBodies() {
    }

    /**
     * At most {@code limit} bytes of {@code in}: fewer when the stream ends first. The buffer grows with what
     * arrives, so a small body costs little whatever the limit.
     */
    static byte[] readAtMost(InputStream in, long limit) throws IOException {
        int cap = (int) Math.min(limit, Integer.MAX_VALUE - 8);
        byte[] buffer = new byte[Math.min(cap, CHUNK)];
        int length = 0;
        while (length < cap) {
            if (length == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(cap, Math.max(CHUNK, (long) buffer.length * 2)));
            }
            int n = in.read(buffer, length, buffer.length - length);
            if (n < 0) {
                break;
            }
            length += n;
        }
        return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
    }

    /**
     * What a rejected record keeps of a body read in part for a {@code 413}: the first {@code maxPayload} bytes
     * ({@code ingest.rejected.max-payload}) of {@code read}, so the record is cut here, where the detail already says
     * how much was read, and not again by the publisher with a note of its own before that detail.
     */
    static byte[] keptForRecord(byte[] read, long maxPayload) {
        return read.length <= maxPayload ? read : Arrays.copyOf(read, (int) maxPayload);
    }

    /** The first value of {@code name} in a raw query string, decoded; null when absent. */
    static String queryParameter(String query, String name) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            if (key.equals(name)) {
                return eq < 0 ? "" : decode(pair.substring(eq + 1));
            }
        }
        return null;
    }

    /**
     * A boolean flag as the framework reads one: absent or empty → false; true/on/yes/1 and false/off/no/0 in any
     * case; anything else → empty (the caller answers 400).
     */
    static Optional<Boolean> flag(String value) {
        if (value == null || value.isBlank()) {
            return Optional.of(false);
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "on", "yes", "1" -> Optional.of(true);
            case "false", "off", "no", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) { // a broken %-escape: taken as written
            return s;
        }
    }
}
