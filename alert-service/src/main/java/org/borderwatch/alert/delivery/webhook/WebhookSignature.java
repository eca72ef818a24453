package org.borderwatch.alert.delivery.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Webhook signatures: {@code sha256=<hex HMAC-SHA256 of timestamp + "." + raw body>} keyed with the subscription's
 * secret, the timestamp (unix seconds) sent beside it so a receiver can refuse replays.
 */
public final class WebhookSignature {

    public static final String HEADER_TIMESTAMP = "X-BorderWatch-Timestamp";
    public static final String HEADER_SIGNATURE = "X-BorderWatch-Signature";
    public static final String HEADER_DELIVERY = "X-BorderWatch-Delivery";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is available in every JVM", e);
        }
    }

    /** What a receiver does: recompute, compare in constant time, and refuse stale timestamps. */
    public static boolean verify(String secret, String timestampHeader, String signatureHeader, byte[] body,
                                 Instant now, Duration tolerance) {
        if (timestampHeader == null || signatureHeader == null) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestampHeader.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, ts, body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signatureHeader.trim().getBytes(StandardCharsets.US_ASCII));
    }
}
