package org.borderwatch.alert.routing;

import org.borderwatch.alert.silence.Silence;
import org.borderwatch.common.model.BorderSegment;
import org.borderwatch.common.model.Occurrence;
import org.borderwatch.common.model.Severity;
import org.borderwatch.common.model.SignalType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** API round 1, a-07: a filter's and a silence's lists read back in one order, whatever order they were given in. */
class StableSetsTest {

    @Test
    void enumsComeInTheirDeclaredOrderAndTextAlphabetically() {
        assertThat(StableSets.of(SignalType.class, List.of(SignalType.FATALITIES, SignalType.UNCORROBORATED_SURGE,
                SignalType.FATALITIES))).containsExactly(SignalType.UNCORROBORATED_SURGE, SignalType.FATALITIES);
        assertThat(StableSets.sorted(List.of("ru-mod", "az-mod", "am-mod"))).containsExactly("am-mod", "az-mod",
                "ru-mod");
        assertThat(StableSets.of(SignalType.class, null)).isEmpty();
        assertThat(StableSets.sorted(Set.of())).isEmpty();
        assertThatThrownBy(() -> StableSets.of(SignalType.class, java.util.Arrays.asList(SignalType.SPREAD, null)))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> StableSets.of(SignalType.class, List.of(SignalType.SPREAD)).add(SignalType.SPREAD))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aFilterAndASilenceKeepThatOrder() {
        var signals = new LinkedHashSet<>(List.of(SignalType.FATALITIES, SignalType.CLAIM_SURGE));
        var segments = new LinkedHashSet<>(List.of(BorderSegment.SYUNIK_WEST, BorderSegment.TAVUSH));
        SubscriptionFilter filter = new SubscriptionFilter(segments, Severity.LOW, signals,
                new LinkedHashSet<>(List.of(Occurrence.UNVERIFIED, Occurrence.REFUTED, Occurrence.CONFIRMED)));
        assertThat(filter.signals()).containsExactly(SignalType.CLAIM_SURGE, SignalType.FATALITIES);
        assertThat(filter.segments()).containsExactly(BorderSegment.TAVUSH, BorderSegment.SYUNIK_WEST);
        assertThat(filter.occurrences()).containsExactly(Occurrence.CONFIRMED, Occurrence.REFUTED, Occurrence.UNVERIFIED);

        Silence silence = new Silence("s", segments, signals, new LinkedHashSet<>(List.of("RU-MOD", "az-mod")),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(60), "staff", "why", Instant.EPOCH, false);
        assertThat(silence.segments()).containsExactly(BorderSegment.TAVUSH, BorderSegment.SYUNIK_WEST);
        assertThat(silence.signals()).containsExactly(SignalType.CLAIM_SURGE, SignalType.FATALITIES);
        assertThat(silence.sources()).containsExactly("az-mod", "ru-mod");
    }
}
