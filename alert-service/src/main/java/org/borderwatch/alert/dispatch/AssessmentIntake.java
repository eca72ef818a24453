package org.borderwatch.alert.dispatch;

import org.borderwatch.alert.AlertMetrics;
import org.borderwatch.common.json.Json;
import org.borderwatch.common.json.JsonReadException;
import org.borderwatch.common.model.Assessment;
import org.borderwatch.common.schema.JsonSchemas;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The functional binding {@code assessments-in-0} on {@code border.assessments}. The offset is committed after
 * the handler returns, so a crash re-delivers; every write is idempotent. A record that is not a valid assessment
 * is counted and skipped (retrying cannot fix it); a store failure throws, so the binder retries and finally
 * parks the record on the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
public class AssessmentIntake {

    private static final Logger log = LoggerFactory.getLogger(AssessmentIntake.class);

    @Bean
    Consumer<Message<byte[]>> assessments(AlertDispatcher dispatcher, AlertMetrics metrics) {
        return message -> {
            byte[] payload = message.getPayload();
            Assessment assessment;
            try {
                var violations = JsonSchemas.validate(JsonSchemas.ASSESSMENT, new String(payload,
                        StandardCharsets.UTF_8));
                if (!violations.isEmpty()) {
                    metrics.assessment("invalid");
                    log.warn("skipping an invalid assessment: {}", violations);
                    return;
                }
                assessment = Json.read(payload, Assessment.class);
            } catch (JsonReadException | IllegalArgumentException e) {
                metrics.assessment("invalid");
                log.warn("skipping an unreadable assessment: {}", e.getMessage());
                return;
            }
            dispatcher.onAssessment(assessment);
        };
    }
}
