package org.borderwatch.alert.delivery.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.ChannelSender;
import org.borderwatch.alert.delivery.DeliveryException;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** E-mail through Spring Mail: plain text and HTML alternatives, the idempotency key as a header. */
@Component
public class EmailChannel implements ChannelSender {

    public static final String HEADER_DELIVERY = "X-BorderWatch-Delivery";
    private final JavaMailSender mail;
    private final AlertProperties properties;

    public EmailChannel(JavaMailSender mail, AlertProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public ChannelType type() {
        return ChannelType.EMAIL;
    }

    @Override
    public String circuitKey(Subscription subscription) {
        return "smtp";
    }

    @Override
    public Integer send(Subscription subscription, Notification n) {
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(properties.mail().from());
            helper.setTo(subscription.channel().address());
            helper.setSubject(EmailRenderer.subject(n));
            helper.setText(EmailRenderer.text(n), EmailRenderer.html(n));
            message.setHeader(HEADER_DELIVERY, n.deliveryId());
            mail.send(message);
            return null;
        } catch (MessagingException | MailException e) {
            throw new DeliveryException("mail not sent: " + e.getMessage(), true, null, e);
        }
    }
}
