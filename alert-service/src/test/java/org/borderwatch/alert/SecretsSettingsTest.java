package org.borderwatch.alert;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code alert.secrets.*}: without a key the service does not start (the cipher bean refuses, naming the setting and
 * how to give it); a key that is not 256 bits of base64 stops the binding naming the key; a key from a file through
 * Spring Boot's {@code configtree} import is bound like any other value.
 */
class SecretsSettingsTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AlertProperties.class)
    static class CipherOnly {
        @Bean
        org.borderwatch.alert.secrets.SecretCipher secretCipher(AlertProperties p) {
            return new AlertServiceConfiguration().secretCipher(p);
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(CipherOnly.class);

    private static String failure(Throwable t) {
        StringBuilder text = new StringBuilder();
        for (; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void withoutAKeyTheServiceDoesNotStart() {
        runner.run(context -> {
            assertThat(context).hasFailed();
            assertThat(failure(context.getStartupFailure())).contains("alert.secrets.key is not set")
                    .contains("ALERT_SECRETS_KEY").contains("configtree");
        });
    }

    @Test
    void aKeyThatIsNot256BitsOfBase64StopsTheBindingNamingTheKeyNotItsValue() {
        runner.withPropertyValues("alert.secrets.key=c2hvcnQta2V5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failure(context.getStartupFailure())).contains("alert.secrets")
                    .contains("alert.secrets.key must be base64 of 32 bytes").doesNotContain("c2hvcnQta2V5");
        });
        runner.withPropertyValues("alert.secrets.key=" + Base64.getEncoder().encodeToString(new byte[32]),
                "alert.secrets.previous-keys[0]=AAAA").run(context -> {
            assertThat(context).hasFailed();
            assertThat(failure(context.getStartupFailure())).contains("alert.secrets.previous-keys must each be");
        });
    }

    @Test
    void aKeyFromAFileThroughConfigtreeIsUsed() throws Exception {
        Path dir = Files.createTempDirectory("alert-secrets");
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        // the file's name is the property's name; its content (a trailing newline is dropped) the value
        Files.writeString(dir.resolve("alert.secrets.key"), key + "\n");
        try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(CipherOnly.class)
                .web(org.springframework.boot.WebApplicationType.NONE).logStartupInfo(false)
                .properties("spring.main.banner-mode=off", "spring.config.import=configtree:" + dir + "/").run()) {
            var cipher = context.getBean(org.borderwatch.alert.secrets.SecretCipher.class);
            assertThat(cipher.keyId()).isEqualTo(org.borderwatch.alert.secrets.SecretCipher.of(key,
                    java.util.List.of()).keyId());
        }
    }
}
