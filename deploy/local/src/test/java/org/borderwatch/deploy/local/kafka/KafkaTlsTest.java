package org.borderwatch.deploy.local.kafka;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key pair and truststore made with the JDK's keytool: what a TLS client checks must be in them. */
class KafkaTlsTest {

    @TempDir
    Path dir;

    @Test
    void makesAKeyPairForTheHostAndATruststoreOfItsCertificateOnceAndAgainOnlyForAnotherHost() throws Exception {
        KafkaTls tls = KafkaTls.ensure(dir, "localhost");

        KeyStore keys = load(tls.keystore(), tls.password());
        String alias = keys.aliases().nextElement();
        assertThat(keys.isKeyEntry(alias)).isTrue();
        X509Certificate certificate = (X509Certificate) keys.getCertificate(alias);
        // Kafka clients check the host name against the certificate (ssl.endpoint.identification.algorithm=https)
        assertThat(certificate.getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)).toList())
                .contains((Object) "localhost", "127.0.0.1");
        KeyStore trust = load(tls.truststore(), tls.password());
        assertThat(trust.size()).isEqualTo(1);
        String trusted = trust.aliases().nextElement();
        assertThat(trust.isCertificateEntry(trusted)).as("the truststore holds no private key").isTrue();
        assertThat(trust.getCertificate(trusted)).isEqualTo(certificate);

        KafkaTls again = KafkaTls.ensure(dir, "localhost");
        assertThat(again).isEqualTo(tls);
        assertThat(load(again.truststore(), again.password()).getCertificate(trusted)).isEqualTo(certificate);
        assertThat(KafkaTls.load(dir)).isEqualTo(tls);

        KafkaTls otherHost = KafkaTls.ensure(dir, "bw.example.internal");
        assertThat(otherHost.password()).isNotEqualTo(tls.password());
        X509Certificate remade = (X509Certificate) load(otherHost.keystore(), otherHost.password())
                .getCertificate(alias);
        assertThat(remade.getSubjectAlternativeNames().stream().map(san -> (Object) san.get(1)).toList())
                .contains((Object) "bw.example.internal", "localhost");
        assertThat(tls.toString()).doesNotContain(tls.password());
    }

    @Test
    void namesTheHostAsANameOrAnAddress() {
        assertThat(KafkaTls.subjectAlternativeNames("localhost")).isEqualTo("dns:localhost,ip:127.0.0.1");
        assertThat(KafkaTls.subjectAlternativeNames("10.0.0.7")).isEqualTo("dns:localhost,ip:127.0.0.1,ip:10.0.0.7");
        assertThat(KafkaTls.subjectAlternativeNames("devbox")).isEqualTo("dns:localhost,ip:127.0.0.1,dns:devbox");
    }

    @Test
    void aClientFindsNoTruststoreWhereNoBrokerMadeOne() {
        assertThatThrownBy(() -> KafkaTls.load(dir)).hasMessageContaining("up --kafka-tls");
        assertThat(List.of(dir.toFile().list())).isEmpty();
    }

    private static KeyStore load(Path file, String password) throws Exception {
        KeyStore store = KeyStore.getInstance(KafkaTls.STORE_TYPE);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
