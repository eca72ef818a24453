package org.borderwatch.deploy.local.kafka;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScramCredentialsTest {

    private final ScramCredentials alice = ScramCredentials.parse("alice:s3cret-Pw.1");

    @Test
    void parsesUserAndPasswordAtTheFirstColon() {
        assertThat(alice.user()).isEqualTo("alice");
        assertThat(alice.password()).isEqualTo("s3cret-Pw.1");
    }

    @Test
    void givesTheStorageToolItsAddScramArgument() {
        assertThat(alice.storageToolArgument()).isEqualTo("SCRAM-SHA-512=[name=alice,password=s3cret-Pw.1]");
    }

    @Test
    void clientsLogInWithScramSha512OverSaslPlaintext() {
        String jaas = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"alice\" "
                + "password=\"s3cret-Pw.1\";";
        assertThat(alice.clientProperties()).containsExactly(
                java.util.Map.entry("security.protocol", "SASL_PLAINTEXT"),
                java.util.Map.entry("sasl.mechanism", "SCRAM-SHA-512"),
                java.util.Map.entry("sasl.jaas.config", jaas));
        // the names deploy/k8s/README.md gives operators
        assertThat(alice.springEnvironment()).containsExactly(
                java.util.Map.entry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT"),
                java.util.Map.entry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512"),
                java.util.Map.entry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", jaas));
    }

    @Test
    void neverShowsThePasswordInItsText() {
        assertThat(alice.toString()).contains("alice").doesNotContain("s3cret");
    }

    @Test
    void refusesAValueWithoutUserOrPasswordWithoutEchoingIt() {
        for (String bad : new String[] {"alice", "alice:", ":s3cret", ""}) {
            assertThatThrownBy(() -> ScramCredentials.parse(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USER:PASSWORD")
                    .hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void refusesCharactersThatWouldBreakTheJaasLineOrTheStorageToolArgument() {
        for (String password : new String[] {"a\"b", "a\\b", "a;b", "a,b", "a]b", "a=b", "a b", "a:b"}) {
            assertThatThrownBy(() -> ScramCredentials.parse("alice:" + password)).as(password)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("password")
                    .hasMessageNotContaining(password);
        }
        assertThatThrownBy(() -> new ScramCredentials("al ice", "pw")).hasMessageContaining("user");
    }
}
