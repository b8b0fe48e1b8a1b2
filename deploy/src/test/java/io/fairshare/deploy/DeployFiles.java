package io.fairshare.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.deploy.KubernetesChecks.ExternalSecret;
import io.fairshare.deploy.KubernetesChecks.Manifest;
import io.fairshare.deploy.ServiceCatalog.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** The files under deploy/, freshly parsed on every call, so that a test may change its copy. */
final class DeployFiles {
    static final Path COMPOSE_DIR = Repo.deploy().resolve("compose");
    static final Path KUBERNETES_DIR = Repo.deploy().resolve("kubernetes");

    /** Secrets the manifests read but an operator creates by hand (deploy/kubernetes/README.md says how). */
    static final List<ExternalSecret> EXTERNAL_SECRETS = List.of(
            new ExternalSecret("fairshare-db-ingest", Set.of("username", "password")),
            new ExternalSecret("fairshare-db-registry", Set.of("username", "password")),
            new ExternalSecret("fairshare-db-settlement", Set.of("username", "password")),
            new ExternalSecret("fairshare-db-payout", Set.of("username", "password")),
            new ExternalSecret("fairshare-operator-tokens", Set.of("usage-ingest", "rights-registry-authority", "settlement", "payout")));

    private static final List<Service> SERVICES = ServiceCatalog.load(Repo.root());
    private static final Map<String, Set<String>> EMITTED = EmittedMetrics.scan(Repo.root());

    private DeployFiles() {
    }

    static List<Service> services() {
        return SERVICES;
    }

    static Map<String, Set<String>> emitted() {
        return EMITTED;
    }

    static ComposeChecks.Stack compose() {
        return new ComposeChecks.Stack(Yaml.document(COMPOSE_DIR.resolve("compose.yaml")), COMPOSE_DIR,
                Yaml.read(COMPOSE_DIR.resolve("kafka/create-topics.sh")), Yaml.read(COMPOSE_DIR.resolve("postgres/init-databases.sql")));
    }

    static JsonNode prometheus() {
        return Yaml.document(COMPOSE_DIR.resolve("prometheus/prometheus.yml"));
    }

    static JsonNode dashboard() {
        return Yaml.json(Yaml.read(COMPOSE_DIR.resolve("grafana/dashboards/fairshare-pipeline.json")));
    }

    static JsonNode datasources() {
        return Yaml.document(COMPOSE_DIR.resolve("grafana/provisioning/datasources/prometheus.yaml"));
    }

    static JsonNode dashboardProviders() {
        return Yaml.document(COMPOSE_DIR.resolve("grafana/provisioning/dashboards/fairshare.yaml"));
    }

    static JsonNode kustomization() {
        return Yaml.document(KUBERNETES_DIR.resolve("kustomization.yaml"));
    }

    /** Every YAML file under deploy/kubernetes but the kustomization, relative, with '/' separators. */
    static Set<String> manifestFiles() {
        try (Stream<Path> walk = Files.walk(KUBERNETES_DIR)) {
            Set<String> out = new TreeSet<>();
            walk.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .map(f -> KUBERNETES_DIR.relativize(f).toString().replace('\\', '/'))
                    .filter(f -> !f.equals("kustomization.yaml"))
                    .forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Manifest> manifests() {
        List<Manifest> out = new ArrayList<>();
        for (String file : manifestFiles()) {
            for (JsonNode doc : Yaml.documents(Yaml.read(KUBERNETES_DIR.resolve(file)))) {
                out.add(new Manifest(file, doc));
            }
        }
        return out;
    }

    static List<String> checkKubernetes(List<Manifest> manifests) {
        return checkKubernetes(manifests, kustomization(), manifestFiles());
    }

    static List<String> checkKubernetes(List<Manifest> manifests, JsonNode kustomization, Set<String> files) {
        return KubernetesChecks.check(manifests, kustomization, files, SERVICES, ServiceCatalog.contractTopics(), EXTERNAL_SECRETS);
    }
}
