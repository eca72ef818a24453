package org.borderwatch.alert;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's way to move the local profile's SMTP port on a shared machine: the environment variable
 * {@code SPRING_MAIL_PORT} (which the launcher's children inherit) wins over {@code spring.mail.port} of
 * {@code application-local.yml}, through Spring Boot's own configuration loading and the mail auto-configuration.
 */
class LocalProfileMailPortTest {

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(MailSenderAutoConfiguration.class)
    static class MailOnly {
    }

    private static int mailPort(Map<String, Object> osEnvironment) {
        StandardEnvironment environment = new StandardEnvironment() {
            @Override
            protected void customizePropertySources(MutablePropertySources sources) {
                super.customizePropertySources(sources);
                sources.replace(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        new SystemEnvironmentPropertySource(SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, osEnvironment));
            }
        };
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MailOnly.class)
                .web(WebApplicationType.NONE).environment(environment).profiles("local").logStartupInfo(false)
                .properties("spring.main.banner-mode=off").run()) {
            JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
            assertThat(sender.getHost()).isEqualTo("localhost");
            return sender.getPort();
        }
    }

    @Test
    void theLocalProfileSendsToPort2525UnlessSpringMailPortIsSetInTheEnvironment() {
        assertThat(mailPort(Map.of())).isEqualTo(2525);
        assertThat(mailPort(Map.of("SPRING_MAIL_PORT", "32525"))).isEqualTo(32525);
    }
}
