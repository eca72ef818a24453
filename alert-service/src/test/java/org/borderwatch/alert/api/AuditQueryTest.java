package org.borderwatch.alert.api;

import org.borderwatch.alert.store.AuditStore;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ADMIN audit's parameters: what each filter becomes, and every wrong one named in one 400. */
class AuditQueryTest {

    @Test
    void nothingGivenMeansEverything() {
        assertThat(AuditController.query(null, " ", null, null, "")).isEqualTo(
                new AuditStore.Query(null, null, null, null, null));
    }

    @Test
    void theFiltersAreReadAsGiven() {
        AuditStore.Query q = AuditController.query(" silence:abc ", "admin", List.of("silence,unsilence", "review"),
                "2026-11-23T10:00:00+04:00", "2026-11-23T12:00:00Z");
        assertThat(q.target()).isEqualTo("silence:abc");
        assertThat(q.actor()).isEqualTo("admin");
        assertThat(q.actions()).isEqualTo(Set.of("silence", "unsilence", "review"));
        assertThat(q.from()).isEqualTo(Instant.parse("2026-11-23T06:00:00Z"));
        assertThat(q.to()).isEqualTo(Instant.parse("2026-11-23T12:00:00Z"));
        assertThat(AuditController.query("incident:7", null, null, "2026-11-23T12:00:00Z", "2026-11-23T12:00:00Z")
                .from()).as("from equal to to is one instant, not an error").isNotNull();
    }

    @Test
    void everyTargetKindAndActionWrittenIsAccepted() {
        for (String kind : AuditStore.TARGET_KINDS) {
            assertThat(AuditController.query(kind + ":x", null, null, null, null).target()).isEqualTo(kind + ":x");
        }
        assertThat(AuditController.query(null, null, List.copyOf(AuditStore.ACTIONS), null, null).actions())
                .isEqualTo(AuditStore.ACTIONS);
    }

    @Test
    void everyWrongParameterIsNamedAtOnce() {
        assertThatThrownBy(() -> AuditController.query("verdict:1", null, List.of("ack,acked"), "soon",
                "2026-11-23T12:00:00Z"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(400);
                    assertThat(e.problems()).hasSize(3);
                    assertThat(e.problems().get(0)).startsWith("parameter 'target' must be <kind>:<id>")
                            .endsWith("got 'verdict:1'");
                    assertThat(e.problems().get(1)).startsWith("parameter 'action' must be one of")
                            .endsWith("got 'acked'");
                    assertThat(e.problems().get(2)).startsWith("parameter 'from' must be an ISO-8601 date-time");
                });
        assertThatThrownBy(() -> AuditController.query(":x", null, null, "2026-11-23T12:00:01Z",
                "2026-11-23T12:00:00Z"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.problems()).containsExactly(
                        "parameter 'target' must be <kind>:<id> with kind one of alert, incident, silence, "
                                + "subscription, got ':x'",
                        "parameter 'from' (2026-11-23T12:00:01Z) must not be after 'to' (2026-11-23T12:00:00Z)"));
    }
}
