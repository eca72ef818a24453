package org.borderwatch.alert.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AES-256-GCM sealing of secrets at rest: round trip, binding to the record, keys and rotation, damage. */
class SecretCipherTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(filled((byte) 7));
    private static final String SECRET = "partner-shared-secret-0123";

    private static byte[] filled(byte b) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, b);
        return bytes;
    }

    private final SecretCipher cipher = SecretCipher.of(KEY, List.of());

    @Test
    void aSealedSecretOpensForItsRecordAndDoesNotShowTheSecret() {
        String sealed = cipher.seal(SECRET, "sub-1");
        assertThat(sealed).startsWith("v1:" + cipher.keyId() + ":").doesNotContain(SECRET);
        assertThat(SecretCipher.isSealed(sealed)).isTrue();
        assertThat(SecretCipher.isSealed(SECRET)).isFalse();
        assertThat(cipher.open(sealed, "sub-1")).isEqualTo(SECRET);
        // a fresh IV each time: the same secret never seals to the same text
        assertThat(cipher.seal(SECRET, "sub-1")).isNotEqualTo(sealed);
        assertThat(cipher.keyId()).hasSize(8).matches("[0-9a-f]{8}");
    }

    @Test
    void aSealedSecretCopiedToAnotherRecordOrAlteredDoesNotOpen() {
        String sealed = cipher.seal(SECRET, "sub-1");
        assertThatThrownBy(() -> cipher.open(sealed, "sub-2"))
                .isInstanceOf(SecretCipher.SecretUnreadableException.class)
                .hasMessageContaining("copied from another record");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
        raw[raw.length - 1] ^= 1;
        String altered = sealed.substring(0, sealed.lastIndexOf(':') + 1) + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open(altered, "sub-1"))
                .isInstanceOf(SecretCipher.SecretUnreadableException.class).hasMessageContaining("altered");
        assertThatThrownBy(() -> cipher.open("v1:" + cipher.keyId() + ":AAAA", "sub-1"))
                .isInstanceOf(SecretCipher.SecretUnreadableException.class).hasMessageContaining("too short");
    }

    @Test
    void aPreviousKeyStillOpensWhatItSealedAndAnUnknownKeyIsNamed() {
        SecretCipher before = SecretCipher.of(OTHER_KEY, List.of());
        String old = before.seal(SECRET, "sub-1");
        SecretCipher rotated = SecretCipher.of(KEY, List.of(OTHER_KEY));
        assertThat(rotated.keyId()).isEqualTo(cipher.keyId()).isNotEqualTo(before.keyId());
        assertThat(rotated.canOpen(old)).isTrue();
        assertThat(rotated.open(old, "sub-1")).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, "sub-1")).startsWith("v1:" + cipher.keyId() + ":");

        assertThat(cipher.canOpen(old)).isFalse();
        assertThatThrownBy(() -> cipher.open(old, "sub-1"))
                .isInstanceOf(SecretCipher.SecretUnreadableException.class)
                .hasMessage("sealed with key " + before.keyId() + ", which is neither alert.secrets.key ("
                        + cipher.keyId() + ") nor one of alert.secrets.previous-keys");
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                            | alert.secrets.key is empty",
            "not base64 at all!                            | alert.secrets.key is not base64",
            "AAAAAAAAAAAAAAAAAAAAAA==                      | alert.secrets.key must be 32 bytes (256 bits) in base64, not 16 bytes",
    })
    void aKeyThatIsNot256BitsOfBase64IsRefusedWithoutShowingIt(String key, String problem) {
        assertThat(SecretCipher.keyProblem("alert.secrets.key", key)).startsWith(problem);
        assertThatThrownBy(() -> SecretCipher.of(key, List.of())).hasMessageStartingWith(problem);
        assertThat(SecretCipher.keyProblem("alert.secrets.key", KEY)).isNull();
    }
}
