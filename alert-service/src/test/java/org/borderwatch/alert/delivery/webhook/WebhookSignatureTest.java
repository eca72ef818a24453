package org.borderwatch.alert.delivery.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    private static final String SECRET = "s3cret-s3cret-s3cret";
    private static final byte[] BODY = "{\"alerts\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        // Independently computed: printf '1700000000.{"alerts":[]}' | openssl dgst -sha256 -hmac s3cret-s3cret-s3cret
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY))
                .isEqualTo("sha256=" + OpensslReference.EXPECTED);
    }

    @Test
    void receiverVerifiesAndRefusesTamperingAndReplays() {
        long ts = 1_700_000_000L;
        String sig = WebhookSignature.sign(SECRET, ts, BODY);
        Instant now = Instant.ofEpochSecond(ts + 30);
        Duration tolerance = Duration.ofMinutes(5);

        assertThat(WebhookSignature.verify(SECRET, "" + ts, sig, BODY, now, tolerance)).isTrue();
        assertThat(WebhookSignature.verify("other-secret-xxxx", "" + ts, sig, BODY, now, tolerance)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "" + (ts + 1), sig, BODY, now, tolerance)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "" + ts, sig, "{}".getBytes(), now, tolerance)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "" + ts, sig, BODY, now.plus(Duration.ofHours(1)), tolerance))
                .as("replayed an hour later").isFalse();
    }

    /** The expected value, computed with openssl when the test was written. */
    static final class OpensslReference {
        static final String EXPECTED = "b2328359909abae8d6124a3682a7ac759964f61c08e57c1fd14728cccb8fadf4";
    }
}
