package io.fairshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the dashboard check reads from a PromQL expression. */
class PromQlTest {
    @Test
    void aggregationsFunctionsAndRangesAreNotMetrics() {
        PromQl.Parsed p = PromQl.parse("histogram_quantile(0.99, sum by (le) (rate(fairshare_ingest_batch_duration_seconds_bucket[$__rate_interval])))");
        assertEquals(List.of(new PromQl.Selector("fairshare_ingest_batch_duration_seconds_bucket", Set.of())), p.selectors());
        assertEquals(Set.of("le"), p.groupingLabels());
    }

    @Test
    void matcherLabelsBelongToTheirSelectorAndValuesAreSkipped() {
        PromQl.Parsed p = PromQl.parse("sum(increase(fairshare_registry_usage_total{outcome=\"unmatched\"}[15m])) / sum(increase(fairshare_registry_usage_total[15m]))");
        assertEquals(List.of(new PromQl.Selector("fairshare_registry_usage_total", Set.of("outcome")),
                new PromQl.Selector("fairshare_registry_usage_total", Set.of())), p.selectors());
        assertEquals(Set.of(), p.groupingLabels());
    }

    @Test
    void groupingAfterTheAggregatedExpressionIsRead() {
        PromQl.Parsed p = PromQl.parse("sum(rate(http_server_requests_seconds_count{status=~\"5..\", uri!=\"/q/metrics\"}[5m])) by (job, uri)");
        assertEquals(List.of(new PromQl.Selector("http_server_requests_seconds_count", Set.of("status", "uri"))), p.selectors());
        assertEquals(Set.of("job", "uri"), p.groupingLabels());
    }

    @Test
    void anUnclosedStringIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> PromQl.parse("up{job=\"payout}"));
    }
}
