package org.borderwatch.common;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidsTest {

    @Test
    void matchesTheRfcExampleForVersion5() {
        // RFC 9562 appendix A.4: name "www.example.com" in the DNS namespace
        UUID dns = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        assertThat(Uuids.v5(dns, "www.example.com")).isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
    }

    @Test
    void sameNameSameIdDifferentNameDifferentId() {
        UUID a = Uuids.reportId("az-mod", "2025-03-16/1");

        assertThat(Uuids.reportId("az-mod", "2025-03-16/1")).isEqualTo(a);
        assertThat(Uuids.reportId("am-mod", "2025-03-16/1")).isNotEqualTo(a);
        assertThat(a.version()).isEqualTo(5);
        assertThat(Uuids.incidentId("SYUNIK_EAST", a)).isNotEqualTo(Uuids.incidentId("GEGHARKUNIK", a));
    }
}
