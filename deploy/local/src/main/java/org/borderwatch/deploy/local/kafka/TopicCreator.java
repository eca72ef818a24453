package org.borderwatch.deploy.local.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Creates the planned topics that do not exist yet; existing topics are left as they are and reported. */
public final class TopicCreator {

    /** What happened to one topic. */
    public record Outcome(String name, int partitions, boolean created, Optional<String> note) {
        @Override
        public String toString() {
            return String.format("%-30s %2d partition(s)  %s%s", name, partitions, created ? "created" : "exists",
                    note.map(n -> "  (" + n + ")").orElse(""));
        }
    }

    private static final long TIMEOUT_SECONDS = 30;
    private final Admin admin;

    public TopicCreator(Admin admin) {
        this.admin = admin;
    }

    public List<Outcome> ensure(List<TopicSpec> specs) {
        try {
            Set<String> existing = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            List<Outcome> outcomes = new ArrayList<>();
            for (TopicSpec spec : specs) {
                outcomes.add(existing.contains(spec.name()) ? describe(spec) : create(spec));
            }
            awaitVisible(specs.stream().map(TopicSpec::name).collect(Collectors.toSet()));
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the topics: " + e.getMessage(), e);
        }
    }

    /**
     * Waits until the broker lists every topic: creation completes in the controller a moment before the broker's
     * metadata shows it, and a service starting right after the launcher must find its topics.
     */
    private void awaitVisible(Set<String> names) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).containsAll(names)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the broker does not list all created topics after " + TIMEOUT_SECONDS + " s");
            }
            Thread.sleep(100);
        }
    }

    private Outcome create(TopicSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1).configs(spec.configs());
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return new Outcome(spec.name(), spec.partitions(), true, Optional.empty());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return describe(spec);
            }
            throw e;
        }
    }

    private Outcome describe(TopicSpec spec) throws InterruptedException, ExecutionException, TimeoutException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(List.of(spec.name())).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        int partitions = descriptions.get(spec.name()).partitions().size();
        Optional<String> note = partitions == spec.partitions() ? Optional.empty()
                : Optional.of("planned " + spec.partitions() + "; existing topics are not changed");
        return new Outcome(spec.name(), partitions, false, note);
    }
}
