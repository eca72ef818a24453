package org.borderwatch.ingest.stream;

import org.borderwatch.ingest.IngestCore;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The de-duplication memory as a health component ({@code dedupMemory}): {@code UNKNOWN} while the feed is still
 * reading the window before start-up (the service works, but may let a recent duplicate through), {@code UP} once it
 * has caught up. Not part of readiness: a broker that is slow to answer must not take ingest out of service.
 */
@Component("dedupMemory")
@ConditionalOnProperty(name = "ingest.dedup.shared", havingValue = "true", matchIfMissing = true)
public class DedupMemoryHealthIndicator extends AbstractHealthIndicator {

    private final PublishedReportsFeed feed;
    private final IngestCore core;

    public DedupMemoryHealthIndicator(PublishedReportsFeed feed, IngestCore core) {
        super("de-duplication memory check failed");
        this.feed = feed;
        this.core = core;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        (feed.caughtUp() ? builder.up() : builder.unknown())
                .withDetail("caughtUp", feed.caughtUp())
                .withDetail("rememberedIds", core.pipeline().rememberedIds());
    }
}
