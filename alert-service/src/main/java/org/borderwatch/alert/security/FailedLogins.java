package org.borderwatch.alert.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which failed logins to log (security review F8): the first failure of a user name from a remote address at once,
 * then at most one line per {@code interval} for that pair, saying how many failures it stands for — enough to see
 * a guessing attack in the log without letting the attacker fill it. Never the password; the user name as sent,
 * cut to 64 characters with control characters shown as {@code ?} (a name is attacker-chosen text).
 */
public final class FailedLogins {

    static final int MAX_TRACKED = 10_000;

    private record Seen(Instant lastLogged, int suppressed) {
    }

    private final Clock clock;
    private final Duration interval;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    public FailedLogins(Clock clock, Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    /** The line to log for this failure, or empty when one was logged for the pair within the interval. */
    public Optional<String> failed(String user, String remote) {
        String who = printable(user == null || user.isEmpty() ? "(none)" : user);
        String from = printable(remote == null ? "unknown" : remote);
        String key = who + "\u0000" + from;
        Instant now = clock.instant();
        if (seen.size() > MAX_TRACKED) {
            seen.clear(); // a flood of distinct names: start over rather than grow
        }
        String[] line = {null};
        seen.compute(key, (k, s) -> {
            if (s == null || !now.isBefore(s.lastLogged().plus(interval))) {
                int earlier = s == null ? 0 : s.suppressed();
                line[0] = "failed login for user '" + who + "' from " + from
                        + (earlier == 0 ? "" : " (" + (earlier + 1) + " failures since the last line)");
                return new Seen(now, 0);
            }
            return new Seen(s.lastLogged(), s.suppressed() + 1);
        });
        return Optional.ofNullable(line[0]);
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(64).forEach(c -> b.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return s.codePointCount(0, s.length()) > 64 ? b + "…" : b.toString();
    }
}
