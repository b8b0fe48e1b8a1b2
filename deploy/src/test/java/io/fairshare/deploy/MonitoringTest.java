package io.fairshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Prometheus' scrape configuration and the provisioned Grafana dashboard; each check shown to fail on a broken copy. */
class MonitoringTest {
    private static List<String> prometheus(JsonNode config) {
        return MonitoringChecks.prometheus(config, DeployFiles.compose().compose(), DeployFiles.services());
    }

    private static List<String> grafana(JsonNode dashboard) {
        return MonitoringChecks.grafana(dashboard, DeployFiles.datasources(), DeployFiles.dashboardProviders(),
                DeployFiles.compose().compose(), DeployFiles.emitted());
    }

    private static ObjectNode panel(JsonNode dashboard, String title) {
        for (JsonNode p : dashboard.path("panels")) {
            if (p.path("title").asText().equals(title)) {
                return (ObjectNode) p;
            }
        }
        throw new AssertionError("no panel " + title);
    }

    private static ObjectNode job(JsonNode config, String name) {
        for (JsonNode j : config.path("scrape_configs")) {
            if (j.path("job_name").asText().equals(name)) {
                return (ObjectNode) j;
            }
        }
        throw new AssertionError("no job " + name);
    }

    @Test
    void prometheusScrapesTheMetricsEndpointOfEveryService() {
        assertEquals(List.of(), prometheus(DeployFiles.prometheus()));
    }

    @Test
    void aServicePrometheusDoesNotScrapeIsReported() {
        JsonNode config = DeployFiles.prometheus();
        ArrayNode jobs = (ArrayNode) config.path("scrape_configs");
        for (int i = 0; i < jobs.size(); i++) {
            if (jobs.get(i).path("job_name").asText().equals("payout")) {
                jobs.remove(i);
            }
        }
        assertEquals(List.of("prometheus does not scrape payout at payout:8084"), prometheus(config));
    }

    @Test
    void scrapingTheDefaultPathInsteadOfQuarkusMetricsIsReported() {
        JsonNode config = DeployFiles.prometheus();
        job(config, "settlement").remove("metrics_path");
        assertEquals(List.of("scrape job settlement reads /metrics, not /q/metrics"), prometheus(config));
    }

    @Test
    void aScrapeTargetThatIsNoComposeServiceIsReported() {
        JsonNode config = DeployFiles.prometheus();
        ((ArrayNode) job(config, "rights-registry").path("static_configs").path(0).path("targets")).set(0, "registry:8082");
        assertEquals(List.of("scrape job rights-registry targets registry:8082, which is not a compose service",
                "prometheus does not scrape rights-registry at rights-registry:8082"), prometheus(config));
    }

    @Test
    void everyPanelHasADataSourceAndQueriesMetricsThatExist() {
        assertEquals(List.of(), grafana(DeployFiles.dashboard()));
    }

    @Test
    void aPanelWithoutDataSourceIsReported() {
        JsonNode dashboard = DeployFiles.dashboard();
        panel(dashboard, "Ingest rate").remove("datasource");
        assertEquals(List.of("panel 'Ingest rate' has no data source"), grafana(dashboard));
    }

    @Test
    void aPanelWithoutQueryIsReported() {
        JsonNode dashboard = DeployFiles.dashboard();
        panel(dashboard, "Periods closed").putArray("targets");
        assertEquals(List.of("panel 'Periods closed' has no query"), grafana(dashboard));
    }

    @Test
    void aMisspelledMetricIsReported() {
        JsonNode dashboard = DeployFiles.dashboard();
        ((ObjectNode) panel(dashboard, "Ingest rate").path("targets").path(0))
                .put("expr", "sum by (outcome) (rate(fairshare_ingest_event_total[$__rate_interval]))");
        assertEquals(List.of("panel 'Ingest rate' queries fairshare_ingest_event_total, which no service emits and no allow-list names"),
                grafana(dashboard));
    }

    @Test
    void aLabelTheMetricDoesNotHaveIsReported() {
        JsonNode dashboard = DeployFiles.dashboard();
        ((ObjectNode) panel(dashboard, "Ingest rejections by code").path("targets").path(0))
                .put("expr", "sum by (reason) (rate(fairshare_ingest_rejections_total{platfrom=\"acme\"}[5m]))");
        assertEquals(List.of("panel 'Ingest rejections by code' matches fairshare_ingest_rejections_total on label platfrom, which it does not have",
                "panel 'Ingest rejections by code' groups by reason, a label none of [fairshare_ingest_rejections_total] has"), grafana(dashboard));
    }

    @Test
    void aDataSourceThatIsNotProvisionedIsReported() {
        JsonNode dashboard = DeployFiles.dashboard();
        ((ObjectNode) panel(dashboard, "JVM heap used").path("datasource")).put("uid", "prometheus");
        assertEquals(List.of("panel 'JVM heap used' uses data source prometheus, which is not provisioned"), grafana(dashboard));
    }

    @Test
    void aQueryWithoutAnyMetricIsReported() {
        JsonNode dashboard = DeployFiles.dashboard();
        ((ObjectNode) panel(dashboard, "Services up").path("targets").path(0)).put("expr", "sum(vector(1))");
        assertEquals(List.of("panel 'Services up' queries no metric: sum(vector(1))"), grafana(dashboard));
    }
    @Test
    void provisioningThatPointsNowhereIsReported() {
        JsonNode datasources = DeployFiles.datasources();
        ((ObjectNode) datasources.path("datasources").path(0)).put("url", "http://localhost:9090");
        JsonNode providers = DeployFiles.dashboardProviders();
        ((ObjectNode) providers.path("providers").path(0).path("options")).put("path", "/etc/grafana/dashboards");
        assertEquals(List.of("data source fairshare-prometheus points at http://localhost:9090, which is not a compose service",
                "dashboard provider fairshare reads /etc/grafana/dashboards, where compose mounts no dashboards"),
                MonitoringChecks.grafana(DeployFiles.dashboard(), datasources, providers, DeployFiles.compose().compose(), DeployFiles.emitted()));
    }
}
