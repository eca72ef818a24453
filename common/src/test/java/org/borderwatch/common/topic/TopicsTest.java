package org.borderwatch.common.topic;

import org.borderwatch.common.model.IncidentReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicsTest {

    @Test
    void rawTopicsFollowTheFormatName() {
        assertThat(Topics.raw("statement").name()).isEqualTo("border.reports.raw.statement");
        assertThat(Topics.raw("acled")).isSameAs(Topics.RAW_ACLED);
        assertThatThrownBy(() -> Topics.raw("xml")).hasMessageContaining("xml");
    }

    @Test
    void namesAreUniqueAndLookupWorks() {
        assertThat(Topics.all()).extracting(Topic::name).doesNotHaveDuplicates().hasSize(7);
        assertThat(Topics.byName("border.reports.normalized")).contains(Topics.NORMALIZED);
        assertThat(Topics.NORMALIZED.valueType()).isEqualTo(IncidentReport.class);
    }
}
