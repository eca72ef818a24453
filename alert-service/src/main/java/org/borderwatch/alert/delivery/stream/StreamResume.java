package org.borderwatch.alert.delivery.stream;

/**
 * Where a client that (re)connects to the live stream starts, given the {@code Last-Event-ID} it sent. Event ids
 * are cursors of the stream log (decimal numbers with one global order, the same on every replica). Plain Java.
 */
public final class StreamResume {

    private StreamResume() {
    }

    /** Where to start. {@code after}: the client gets live messages with a greater cursor. */
    public sealed interface Start permits Live, Replay, Reset {
        long after();
    }

    /** No Last-Event-ID, or one the hub has passed no message since: live messages after {@code after}. */
    public record Live(long after) implements Start {
    }

    /** Replay the stored messages with a cursor in ({@code from}, {@code after}], then live after {@code after}. */
    public record Replay(long from, long after) implements Start {
    }

    /** The Last-Event-ID cannot be honoured (why in {@code reason}): live messages after {@code after}. */
    public record Reset(long after, String reason) implements Start {
    }

    /**
     * @param lastEventId   what the client sent (header or query parameter), or null
     * @param head          the hub's cursor: every message up to it has been handed to its live clients
     * @param allocated     the highest cursor ever handed out
     * @param purgedThrough messages up to this cursor were deleted after the replay window
     */
    public static Start decide(String lastEventId, long head, long allocated, long purgedThrough) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return new Live(head);
        }
        String id = lastEventId.trim();
        long cursor = id.matches("\\d{1,18}") ? Long.parseLong(id) : -1;
        if (cursor < 0) {
            return new Reset(head, "Last-Event-ID '" + shorten(id) + "' is not a stream cursor");
        }
        if (cursor > allocated) {
            return new Reset(head, "Last-Event-ID " + cursor + " is ahead of the stream (latest " + allocated + ")");
        }
        if (cursor < purgedThrough) {
            return new Reset(head, "messages after Last-Event-ID " + cursor
                    + " are past the replay window and no longer kept");
        }
        if (cursor >= head) {
            return new Live(cursor);
        }
        return new Replay(cursor, head);
    }

    private static String shorten(String s) {
        String printable = s.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "…";
    }
}
