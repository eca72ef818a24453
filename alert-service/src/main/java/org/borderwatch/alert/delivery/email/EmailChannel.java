package org.borderwatch.alert.delivery.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.borderwatch.alert.AlertProperties;
import org.borderwatch.alert.delivery.ChannelSender;
import org.borderwatch.alert.delivery.DeliveryException;
import org.borderwatch.alert.delivery.DeliveryFailures;
import org.borderwatch.alert.delivery.PermanentDeliveryException;
import org.borderwatch.alert.delivery.Notification;
import org.borderwatch.alert.routing.ChannelType;
import org.borderwatch.alert.routing.Subscription;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

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
    public String targetName(Subscription subscription) {
        return server();
    }

    /** {@code SMTP server host:port} as configured (the protocol's port 25 when none is given). */
    private String server() {
        if (mail instanceof JavaMailSenderImpl impl && impl.getHost() != null) {
            return "SMTP server " + impl.getHost() + ":" + (impl.getPort() > 0 ? impl.getPort() : 25);
        }
        return "the SMTP server";
    }

    /** The configured read timeout of the SMTP client ({@code mail.smtp.timeout}), for the words of a timeout. */
    private Duration readTimeout() {
        if (mail instanceof JavaMailSenderImpl impl) {
            String ms = impl.getJavaMailProperties().getProperty("mail.smtp.timeout");
            if (ms != null && ms.strip().matches("\\d+")) {
                return Duration.ofMillis(Long.parseLong(ms.strip()));
            }
        }
        return null;
    }

    /**
     * The mail: a top-level {@code multipart/alternative} of the plain text and the HTML (UTF-8, simplest first, as
     * RFC 2046 orders alternatives), the idempotency key as a header. Nothing else is attached, so no
     * {@code multipart/mixed} wraps it.
     */
    MimeMessage message(String address, Notification n) throws MessagingException {
        MimeMessage message = mail.createMimeMessage();
        message.setFrom(new InternetAddress(properties.mail().from()));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(address));
        message.setSubject(EmailRenderer.subject(n), "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(EmailRenderer.text(n), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(EmailRenderer.html(n), "UTF-8", "html");
        MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
        message.setContent(alternatives);
        message.setHeader(HEADER_DELIVERY, n.deliveryId());
        return message;
    }

    @Override
    public Integer send(Subscription subscription, Notification n) {
        try {
            MimeMessage message = message(subscription.channel().address(), n);
            mail.send(message);
            return null;
        } catch (AddressException e) {
            throw new PermanentDeliveryException("not a valid e-mail address: " + DeliveryFailures.words(e), null);
        } catch (MessagingException | MailException e) {
            throw failure(e);
        }
    }

    /**
     * An SMTP failure in words: the server's own reply when it gave one ({@code SMTP 550 5.1.1 …}: a 5xx refuses for
     * good, so the delivery fails at once; a 4xx is tried again), a login the server refused, else why the server
     * could not be reached ({@code connection refused by SMTP server host:25}, {@code no answer from …}).
     */
    private DeliveryException failure(Exception e) {
        List<Throwable> errors = new ArrayList<>();
        if (e instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
            errors.addAll(send.getFailedMessages().values());
        }
        errors.add(e);
        for (Throwable error : errors) {
            Optional<DeliveryFailures.SmtpReply> reply = DeliveryFailures.smtpReply(error);
            if (reply.isPresent()) {
                String text = reply.get().text();
                return reply.get().permanent() ? new PermanentDeliveryException(text, null)
                        : new DeliveryException(text, true, null, e);
            }
        }
        if (e instanceof MailAuthenticationException) {
            return new DeliveryException(server() + " refused the login: " + DeliveryFailures.words(e), true, null,
                    e);
        }
        return new DeliveryException(DeliveryFailures.unreachable(server(), errors.get(0), readTimeout()), true,
                null, e);
    }
}
