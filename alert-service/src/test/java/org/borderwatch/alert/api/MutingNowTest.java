package org.borderwatch.alert.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** A silence's {@code mutingNow}: the count is exact, the ids listed stop at {@code alert.api.muting-now-max-ids}. */
class MutingNowTest {

    @Test
    void theCountIsExactAndTheIdsStopAtTheConfiguredLimit() {
        List<UUID> muting = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
        Views.MutingNow three = Views.MutingNow.of(muting, 3);
        assertThat(three.count()).isEqualTo(5);
        assertThat(three.alertIds()).containsExactlyElementsOf(muting.subList(0, 3));
        Views.MutingNow all = Views.MutingNow.of(muting, 200);
        assertThat(all.alertIds()).containsExactlyElementsOf(muting);
    }
}
