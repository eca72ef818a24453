package org.borderwatch.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link ReadinessGauge} of a Spring Boot service: fed by Boot's own evaluation of the {@code readiness} health
 * group (what {@code /actuator/health/readiness} answers, through the {@link HealthEndpoint} bean), started once every
 * bean exists and stopped with the context (a {@link SmartLifecycle} in the default, last phase: started after the
 * other lifecycle beans, the binders among them, and stopped before them). A service declares it as one bean, with its own meter-name constant and its own
 * {@code <prefix>.readiness-gauge.interval}.
 */
public final class HealthReadinessGauge implements SmartLifecycle, AutoCloseable {

    /** The health group the gauge reflects. */
    public static final String GROUP = "readiness";
    /** A part's words in a reason are cut after this many characters. */
    private static final int MAX_PART = 300;

    private final ReadinessGauge gauge;

    /**
     * @param health the health endpoint, looked up at each evaluation (none reads as not ready)
     */
    public HealthReadinessGauge(String meterName, ObjectProvider<HealthEndpoint> health, Duration interval,
                                Clock clock, MeterRegistry registry) {
        this.gauge = new ReadinessGauge(meterName, () -> answer(health.getIfAvailable()), interval, clock, registry);
    }

    public ReadinessGauge gauge() {
        return gauge;
    }

    /** The readiness group's answer; not ready without a health endpoint or without the group. */
    static ReadinessGauge.Answer answer(HealthEndpoint endpoint) {
        if (endpoint == null) {
            return ReadinessGauge.Answer.notReady("no health endpoint");
        }
        return answer(endpoint.healthForPath(GROUP));
    }

    /**
     * UP, or why not in one line: the group's status and each part that is not UP, by its path, with its own details
     * (the binder's "Kafka broker is not reachable"). {@code healthForPath} gives every detail, whatever the group
     * shows to HTTP callers.
     */
    static ReadinessGauge.Answer answer(HealthDescriptor group) {
        if (group == null) {
            return ReadinessGauge.Answer.notReady("no " + GROUP + " health group");
        }
        if (Status.UP.equals(group.getStatus())) {
            return ReadinessGauge.Answer.READY;
        }
        List<String> parts = new ArrayList<>();
        notUp("", group, parts);
        return ReadinessGauge.Answer.notReady(code(group)
                + (parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")"));
    }

    private static void notUp(String path, HealthDescriptor d, List<String> out) {
        if (d instanceof CompositeHealthDescriptor c && c.getComponents() != null) {
            c.getComponents().forEach((name, part) -> {
                if (!Status.UP.equals(part.getStatus())) {
                    notUp(path.isEmpty() ? name : path + "/" + name, part, out);
                }
            });
        } else if (!path.isEmpty()) {
            String details = d instanceof IndicatedHealthDescriptor i && i.getDetails() != null
                    && !i.getDetails().isEmpty() ? " " + i.getDetails() : "";
            String line = (path + " " + code(d) + details).replaceAll("\\s+", " ");
            out.add(line.length() > MAX_PART ? line.substring(0, MAX_PART) + "…" : line);
        }
    }

    private static String code(HealthDescriptor d) {
        return d.getStatus() == null ? "no status" : d.getStatus().getCode();
    }

    @Override
    public void start() {
        gauge.start();
    }

    @Override
    public void stop() {
        gauge.stop();
    }

    @Override
    public boolean isRunning() {
        return gauge.isRunning();
    }

    @Override
    public void close() {
        gauge.close();
    }
}
