package org.borderwatch.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void takesSelectorsAndSkipsFunctionsAggregationsAndGrouping() {
        assertThat(PromQl.metricNames(
                "sum by (service, channel) (increase(borderwatch_deliveries_total{outcome=\"failed\"}[15m])) > 0"))
                .containsExactly("borderwatch_deliveries_total");
        assertThat(PromQl.metricNames("sum(rate(a_sum[5m])) by (le) / ignoring(x) group_left(y) sum(rate(a_count[5m]))"))
                .containsExactly("a_count", "a_sum");
    }

    @Test
    void skipsLabelNamesValuesStringsNumbersAndKeywords() {
        assertThat(PromQl.metricNames(
                "m1{state=~\"open|forced_open\", name!=\"x\"} == 1 and on () m2 > bool 1e-9 unless m3 offset 5m"))
                .containsExactly("m1", "m2", "m3");
        assertThat(PromQl.metricNames("label_replace(m4, \"dst\", \"$1\", \"src\", \"(.*)\")")).containsExactly("m4");
        assertThat(PromQl.metricNames("histogram_quantile(0.95, sum by (le) (rate(m5_bucket[5m])))"))
                .containsExactly("m5_bucket");
    }

    @Test
    void understandsGrafanaVariablesAndLabelValues() {
        assertThat(PromQl.metricNames("sum(increase(m6{application=~\"$application\"}[$__range]))"))
                .containsExactly("m6");
        assertThat(PromQl.metricNames("rate(m7[$__rate_interval]) * ${factor}")).containsExactly("m7");
        assertThat(PromQl.metricNames("label_values(jvm_memory_used_bytes{area=\"heap\"}, application)"))
                .containsExactly("jvm_memory_used_bytes");
        assertThat(PromQl.metricNames("label_values(application)")).isEmpty();
    }

    @Test
    void aMetricNamedLikeAFunctionIsStillAMetricWhenNotCalled() {
        assertThat(PromQl.metricNames("sum(rate) + up")).containsExactly("rate", "up");
    }

    @Test
    void findsSelectorsPinnedToOneService() {
        assertThat(PromQl.metricsPinnedToApplication(
                "max(a{application=\"classifier-service\", topic=\"t\"}) + b{application=~\"$application\"} + c{x=\"1\"}"))
                .containsExactly("classifier-service a");
    }
}
