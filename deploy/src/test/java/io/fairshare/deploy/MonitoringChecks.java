package io.fairshare.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.deploy.ServiceCatalog.Service;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Checks of Prometheus' scrape configuration and of Grafana's provisioning and dashboard. */
final class MonitoringChecks {
    private MonitoringChecks() {
    }

    static List<String> prometheus(JsonNode config, JsonNode compose, List<Service> services) {
        Problems p = new Problems();
        JsonNode jobs = config.path("scrape_configs");
        p.require(jobs.isArray() && !jobs.isEmpty(), "prometheus.yml has no scrape_configs");
        Set<String> names = new HashSet<>();
        for (JsonNode job : jobs) {
            String name = job.path("job_name").asText();
            p.require(!name.isBlank(), "a scrape config has no job_name");
            p.require(names.add(name), "scrape job %s is defined twice", name);
            for (JsonNode sc : job.path("static_configs")) {
                for (JsonNode target : sc.path("targets")) {
                    String host = target.asText().split(":")[0];
                    p.require(host.equals("localhost") || compose.path("services").has(host),
                            "scrape job %s targets %s, which is not a compose service", name, target.asText());
                }
            }
        }
        for (Service svc : services) {
            boolean scraped = false;
            for (JsonNode job : jobs) {
                for (JsonNode sc : job.path("static_configs")) {
                    for (JsonNode target : sc.path("targets")) {
                        if (target.asText().equals(svc.name() + ":" + svc.port())) {
                            scraped = true;
                            p.require(job.path("job_name").asText().equals(svc.name()),
                                    "service %s is scraped under job %s; the dashboard groups by job = service name", svc.name(), job.path("job_name").asText());
                            p.require("/q/metrics".equals(job.path("metrics_path").asText()),
                                    "scrape job %s reads %s, not /q/metrics", job.path("job_name").asText(), job.path("metrics_path").asText("/metrics"));
                        }
                    }
                }
            }
            p.require(scraped, "prometheus does not scrape %s at %s:%d", svc.name(), svc.name(), svc.port());
        }
        return p.list();
    }

    /**
     * The dashboard against the provisioned data sources and the metrics that exist: every panel has a
     * data source and at least one query, every query selects at least one metric, every metric is
     * emitted by a service, known (Kafka/JVM/HTTP) or a named pending proposal, and every label a query
     * uses is one that metric has.
     */
    static List<String> grafana(JsonNode dashboard, JsonNode datasources, JsonNode dashboardProviders, JsonNode compose,
                                Map<String, Set<String>> emitted) {
        Problems p = new Problems();
        Map<String, String> uidToType = new TreeMap<>();
        for (JsonNode ds : datasources.path("datasources")) {
            uidToType.put(ds.path("uid").asText(), ds.path("type").asText());
            String url = ds.path("url").asText();
            String host = url.replaceFirst("^https?://", "").split("[:/]")[0];
            p.require(compose.path("services").has(host), "data source %s points at %s, which is not a compose service", ds.path("uid").asText(), url);
        }
        p.require(!uidToType.isEmpty(), "no data source is provisioned");
        Set<String> mountTargets = new TreeSet<>();
        for (JsonNode v : compose.path("services").path("grafana").path("volumes")) {
            String[] parts = v.asText().split(":");
            if (parts.length >= 2 && parts[0].equals("./grafana/dashboards")) {
                mountTargets.add(parts[1]);
            }
        }
        for (JsonNode provider : dashboardProviders.path("providers")) {
            String path = provider.path("options").path("path").asText();
            p.require(mountTargets.contains(path), "dashboard provider %s reads %s, where compose mounts no dashboards", provider.path("name").asText(), path);
        }
        p.require(!dashboard.path("uid").asText().isBlank(), "the dashboard has no uid");
        p.require(!dashboard.path("title").asText().isBlank(), "the dashboard has no title");
        JsonNode panels = dashboard.path("panels");
        p.require(panels.isArray() && !panels.isEmpty(), "the dashboard has no panels");
        Set<Integer> ids = new HashSet<>();
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            p.require(!title.isBlank(), "panel %s has no title", panel.path("id").asText());
            p.require(ids.add(panel.path("id").asInt(-1)), "panel id %s is used twice", panel.path("id").asText());
            JsonNode grid = panel.path("gridPos");
            p.require(grid.path("w").asInt() > 0 && grid.path("h").asInt() > 0 && grid.path("x").asInt() + grid.path("w").asInt() <= 24,
                    "panel '%s' has no valid gridPos", title);
            checkDatasource(p, panel.path("datasource"), uidToType, "panel '" + title + "'");
            JsonNode targets = panel.path("targets");
            if (!targets.isArray() || targets.isEmpty()) {
                p.add("panel '%s' has no query", title);
                continue;
            }
            for (JsonNode target : targets) {
                if (target.has("datasource")) {
                    checkDatasource(p, target.path("datasource"), uidToType, "query " + target.path("refId").asText() + " of panel '" + title + "'");
                }
                String expr = target.path("expr").asText();
                if (expr.isBlank()) {
                    p.add("panel '%s' has a query without an expression", title);
                    continue;
                }
                checkExpression(p, title, expr, emitted);
            }
        }
        return p.list();
    }

    private static void checkDatasource(Problems p, JsonNode ds, Map<String, String> uidToType, String where) {
        if (!ds.isObject() || ds.path("uid").asText().isBlank()) {
            p.add("%s has no data source", where);
            return;
        }
        String type = uidToType.get(ds.path("uid").asText());
        if (type == null) {
            p.add("%s uses data source %s, which is not provisioned", where, ds.path("uid").asText());
        } else {
            p.require(type.equals(ds.path("type").asText(type)), "%s names data source %s with type %s, provisioned as %s",
                    where, ds.path("uid").asText(), ds.path("type").asText(), type);
        }
    }

    private static void checkExpression(Problems p, String title, String expr, Map<String, Set<String>> emitted) {
        PromQl.Parsed parsed;
        try {
            parsed = PromQl.parse(expr);
        } catch (IllegalArgumentException e) {
            p.add("panel '%s': %s", title, e.getMessage());
            return;
        }
        if (parsed.metrics().isEmpty()) {
            p.add("panel '%s' queries no metric: %s", title, expr);
            return;
        }
        Set<String> available = new TreeSet<>(MetricCatalog.TARGET_LABELS);
        for (String metric : parsed.metrics()) {
            Set<String> labels = emitted.getOrDefault(metric, MetricCatalog.KNOWN.getOrDefault(metric, MetricCatalog.PENDING.get(metric)));
            if (labels == null) {
                p.add("panel '%s' queries %s, which no service emits and no allow-list names", title, metric);
                return;
            }
            available.addAll(labels);
        }
        for (PromQl.Selector s : parsed.selectors()) {
            if (s.metric() == null) {
                continue;
            }
            Set<String> own = new TreeSet<>(MetricCatalog.TARGET_LABELS);
            own.addAll(emitted.getOrDefault(s.metric(), MetricCatalog.KNOWN.getOrDefault(s.metric(), MetricCatalog.PENDING.get(s.metric()))));
            for (String label : s.labels()) {
                p.require(own.contains(label), "panel '%s' matches %s on label %s, which it does not have", title, s.metric(), label);
            }
        }
        for (String label : parsed.groupingLabels()) {
            p.require(available.contains(label), "panel '%s' groups by %s, a label none of %s has", title, label, parsed.metrics());
        }
    }
}
