package org.borderwatch.alert.delivery.email;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.Fixtures;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.lifecycle.AlertLifecycle;
import org.borderwatch.alert.lifecycle.LifecycleSettings;
import org.borderwatch.alert.routing.DeliveryMode;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail as it leaves the service (README "Delivery": {@code multipart/alternative} plain text + HTML). */
class EmailChannelTest {

    @Test
    void theMailIsATopLevelAlternativeOfTheTextAndTheHtmlWithTheDeliveryHeader() throws Exception {
        AlertProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "alert.mail.from", "desk-sender@example.org"))).bindOrCreate("alert", AlertProperties.class);
        var alert = new AlertLifecycle(Clock.fixed(Instant.parse("2025-03-17T09:00:00Z"), ZoneOffset.UTC),
                new LifecycleSettings(Duration.ZERO, Severity.HIGH)).onAssessment(null, Fixtures.assessment(
                UUID.randomUUID(), 1, BorderSegment.TAVUSH, Severity.HIGH, Occurrence.DISPUTED, false)).message();
        Notification n = new Notification("delivery-7", "s", "desk", "g", DeliveryMode.IMMEDIATE,
                OffsetDateTime.now(ZoneOffset.UTC), List.of(alert));

        MimeMessage mail = new EmailChannel(new JavaMailSenderImpl(), properties).message("desk@example.org", n);
        mail.saveChanges(); // as the sender does before writing it

        // before the fix: multipart/mixed around multipart/related around the alternative
        assertThat(mail.getContentType()).startsWith("multipart/alternative");
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("UTF-8");
        assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html").containsIgnoringCase("UTF-8");
        assertThat(parts.getBodyPart(0).getContent()).isEqualTo(EmailRenderer.text(n));
        assertThat(parts.getBodyPart(1).getContent()).isEqualTo(EmailRenderer.html(n));
        assertThat(mail.getHeader(EmailChannel.HEADER_DELIVERY)).containsExactly("delivery-7");
        assertThat(mail.getSubject()).isEqualTo(EmailRenderer.subject(n));
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly("desk-sender@example.org");
        assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly("desk@example.org");
    }
}
