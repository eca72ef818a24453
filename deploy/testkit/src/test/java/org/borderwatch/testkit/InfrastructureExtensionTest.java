package org.borderwatch.testkit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * What the extension starts, and how often: each annotated class below is run through the JUnit engine against a
 * recording provider in place of the real broker and store (this is a unit test; the real ones are exercised by the
 * smoke ITs). A regression here would not fail any other test, it would only make every build minutes slower.
 */
class InfrastructureExtensionTest {

    /** Counts how often a broker and a store are started; answers fixed addresses. */
    static final class RecordingProvider implements InfrastructureProvider {
        final AtomicInteger kafkaStarts = new AtomicInteger();
        final AtomicInteger mongoStarts = new AtomicInteger();
        private boolean kafkaUp;
        private boolean mongoUp;

        @Override
        public synchronized String kafkaBootstrapServers() {
            if (!kafkaUp) {
                kafkaUp = true;
                kafkaStarts.incrementAndGet();
            }
            return "broker-" + kafkaStarts.get() + ":9092";
        }

        @Override
        public synchronized String mongoUri() {
            if (!mongoUp) {
                mongoUp = true;
                mongoStarts.incrementAndGet();
            }
            return "mongodb://store-" + mongoStarts.get() + ":27017/borderwatch";
        }

        @Override
        public void close() {
        }
    }

    static final List<String> seen = new CopyOnWriteArrayList<>();

    private RecordingProvider recording;
    private InfrastructureProvider previous;
    private InfrastructureMode previousMode;

    @BeforeEach
    void installRecordingProvider() {
        recording = new RecordingProvider();
        previousMode = TestInfrastructure.chosenMode();
        previous = TestInfrastructure.replaceProvider(InfrastructureMode.IN_JVM, recording);
        seen.clear();
    }

    @AfterEach
    void restore() {
        TestInfrastructure.replaceProvider(previousMode, previous);
    }

    @Test
    void aClassThatAsksOnlyForTheStoreStartsNoBrokerEvenWhenItTakesTheParameter() {
        run(StoreOnly.class);

        assertThat(recording.mongoStarts).hasValue(1);
        assertThat(recording.kafkaStarts).as("broker starts").hasValue(0);
        assertThat(seen).containsExactly("mongodb://store-1:27017/borderwatch");
    }

    @Test
    void aClassThatAsksOnlyForTheBrokerStartsNoStore() {
        run(BrokerOnly.class);

        assertThat(recording.kafkaStarts).hasValue(1);
        assertThat(recording.mongoStarts).as("store starts").hasValue(0);
    }

    @Test
    void everyClassOfTheJvmSharesOneBrokerAndOneStoreStartedOnce() {
        run(Both.class, AlsoBoth.class);

        assertThat(recording.kafkaStarts).hasValue(1);
        assertThat(recording.mongoStarts).hasValue(1);
        assertThat(seen).hasSize(4).containsOnly("broker-1:9092", "mongodb://store-1:27017/borderwatch");
    }

    @Test
    void nothingIsStartedBeforeAnAnnotatedClassRuns() {
        assertThat(recording.kafkaStarts).hasValue(0);
        assertThat(recording.mongoStarts).hasValue(0);

        run(BrokerOnly.class);

        assertThat(recording.kafkaStarts).hasValue(1);
    }

    private static void run(Class<?>... classes) {
        var request = EngineTestKit.engine("junit-jupiter");
        for (Class<?> c : classes) {
            request.selectors(selectClass(c));
        }
        Events tests = request.execute().testEvents();
        tests.assertStatistics(s -> s.succeeded(classes.length).failed(0));
    }

    // The classes below only run through run(...): surefire skips nested classes.

    @BorderWatchInfrastructure(kafka = false)
    static class StoreOnly {
        @Test
        void usesTheStore(Infrastructure infrastructure) {
            seen.add(infrastructure.mongoUri());
        }
    }

    @BorderWatchInfrastructure(mongo = false)
    static class BrokerOnly {
        @Test
        void usesTheBroker(Infrastructure infrastructure) {
            assertThat(infrastructure.mode()).isEqualTo(InfrastructureMode.IN_JVM);
        }
    }

    @BorderWatchInfrastructure
    static class Both {
        @Test
        void usesBoth(Infrastructure infrastructure) {
            seen.add(infrastructure.kafkaBootstrapServers());
            seen.add(infrastructure.mongoUri());
        }
    }

    @BorderWatchInfrastructure
    static class AlsoBoth {
        @Test
        void usesBoth(Infrastructure infrastructure) {
            seen.add(infrastructure.kafkaBootstrapServers());
            seen.add(infrastructure.mongoUri());
        }
    }
}
