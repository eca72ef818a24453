package org.borderwatch.testkit;

import java.util.List;
import java.util.Map;

/**
 * The SMTP server a round's service sends to ({@code {smtp}}), as a round's {@code expectMail} steps read it: the
 * round's test gives one over a real server (e.g. GreenMail's), so the testkit itself needs no mail library.
 */
@FunctionalInterface
public interface RoundMailbox {

    /**
     * One received message: the decoded subject, the top-level {@code Content-Type}, every header by lower-case name,
     * the decoded {@code text/plain} and {@code text/html} parts (null when it has none).
     */
    record Mail(String subject, String contentType, Map<String, List<String>> headers, String text, String html) {
    }

    /** Every message received so far for {@code to}, oldest first. */
    List<Mail> received(String to);
}
