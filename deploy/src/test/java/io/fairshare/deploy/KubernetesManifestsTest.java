package io.fairshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fairshare.deploy.KubernetesChecks.Manifest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes checked without a cluster: every manifest's shape, and the manifests against each other,
 * the services' configuration and the contracts' topics. Each check is shown to fail on a broken copy.
 */
class KubernetesManifestsTest {
    private static ObjectNode doc(List<Manifest> manifests, String kind, String name) {
        return (ObjectNode) manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name)).doc();
    }

    private static List<Manifest> without(List<Manifest> manifests, String kind, String name) {
        List<Manifest> out = new ArrayList<>(manifests);
        assertTrue(out.removeIf(m -> m.kind().equals(kind) && m.name().equals(name)));
        return out;
    }

    private static ObjectNode container(List<Manifest> manifests, String kind, String name) {
        return (ObjectNode) doc(manifests, kind, name).path("spec").path("template").path("spec").path("containers").path(0);
    }

    private static ArrayNode acls(List<Manifest> manifests, String user) {
        return (ArrayNode) doc(manifests, "KafkaUser", user).path("spec").path("authorization").path("acls");
    }

    @Test
    void theManifestsAreConsistentWithEachOtherTheServicesAndTheTopics() {
        assertEquals(List.of(), DeployFiles.checkKubernetes(DeployFiles.manifests()));
    }

    @Test
    void theManifestsCoverWhatTheIssueAsksFor() {
        Set<String> kinds = new TreeSet<>();
        DeployFiles.manifests().forEach(m -> kinds.add(m.kind()));
        assertTrue(kinds.containsAll(Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database",
                "Deployment", "StatefulSet", "Service", "ConfigMap", "ScaledObject", "TriggerAuthentication")), kinds.toString());
    }

    @Test
    void aManifestWithoutNameIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "ConfigMap", "payout-config").path("metadata")).remove("name");
        List<String> problems = DeployFiles.checkKubernetes(m);
        assertEquals("services/config.yaml: a manifest lacks apiVersion, kind or metadata.name", problems.get(0));
        assertEquals(List.of("services/config.yaml: a manifest lacks apiVersion, kind or metadata.name",
                "Deployment payout container payout reads ConfigMap payout-config, which is not defined",
                "payout has no QUARKUS_DATASOURCE_JDBC_URL"), problems);
    }

    @Test
    void aConfigMapValueThatIsNotAStringIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "ConfigMap", "settlement-config").path("data")).put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", 12);
        assertEquals(List.of("services/config.yaml: ConfigMap settlement-config key QUARKUS_DATASOURCE_JDBC_MAX_SIZE is not a string"),
                DeployFiles.checkKubernetes(m));
    }

    @Test
    void aWrongApiVersionIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        doc(m, "KafkaTopic", "usage-accepted-v1").put("apiVersion", "kafka.strimzi.io/v1alpha1");
        assertEquals(List.of("kafka/topics.yaml: KafkaTopic usage-accepted-v1 has apiVersion kafka.strimzi.io/v1alpha1, expected kafka.strimzi.io/v1"),
                DeployFiles.checkKubernetes(m));
    }

    @Test
    void aDeploymentWithoutReadinessProbeOrResourceRequestsIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ObjectNode c = container(m, "Deployment", "settlement");
        c.remove("readinessProbe");
        ((ObjectNode) c.path("resources").path("requests")).remove("memory");
        assertEquals(List.of("Deployment settlement container settlement has no readinessProbe",
                "Deployment settlement container settlement requests no memory"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aProbeOnTheWrongPathOrPortIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ObjectNode live = (ObjectNode) container(m, "StatefulSet", "rights-registry").path("livenessProbe").path("httpGet");
        live.put("path", "/q/health");
        live.put("port", "metrics");
        assertEquals(List.of("StatefulSet rights-registry container rights-registry's livenessProbe asks /q/health, not /q/health/live",
                "StatefulSet rights-registry container rights-registry's livenessProbe uses port metrics, which the container does not declare"),
                DeployFiles.checkKubernetes(m));
    }

    @Test
    void aRequestAboveItsLimitIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) container(m, "Deployment", "payout").path("resources").path("requests")).put("memory", "2Gi");
        assertEquals(List.of("Deployment payout container payout requests more memory (2Gi) than its limit (1Gi)"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aTopicWithoutKafkaTopicIsReported() {
        List<Manifest> m = without(DeployFiles.manifests(), "KafkaTopic", "statements-issued-v1");
        assertEquals(List.of("no KafkaTopic for fairshare.statements.issued.v1",
                "KafkaUser settlement has an ACL on topic fairshare.statements.issued.v1, which matches no KafkaTopic",
                "KafkaUser payout has an ACL on topic fairshare.statements.issued.v1, which matches no KafkaTopic"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void anAclOnATopicThatDoesNotExistIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) acls(m, "settlement").path(0).path("resource")).put("name", "fairshare.usage.resolved.v2");
        assertEquals(List.of("KafkaUser settlement has an ACL on topic fairshare.usage.resolved.v2, which matches no KafkaTopic",
                "KafkaUser settlement may not Read fairshare.usage.resolved.v1, which settlement consumes"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aServiceWhoseUserMayNotUseItsGroupOrTransactionalIdsIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ArrayNode registry = acls(m, "rights-registry");
        for (int i = registry.size() - 1; i >= 0; i--) {
            String name = registry.get(i).path("resource").path("name").asText();
            if (name.equals("rights-registry-unmatched-store") || name.equals("rights-registry-back-claims-")) {
                registry.remove(i);
            }
        }
        assertEquals(List.of("KafkaUser rights-registry may not Read group rights-registry-unmatched-store",
                "KafkaUser rights-registry may not use transactional ids rights-registry-back-claims-*"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void moreReplicasThanBrokersIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "KafkaTopic", "usage-unmatched-v1").path("spec")).put("replicas", 4);
        assertEquals(List.of("KafkaTopic fairshare.usage.unmatched.v1 has 4 replicas for 3 brokers"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aKustomizationListingAMissingFileOrMissingAFileIsReported() {
        JsonNode k = DeployFiles.kustomization();
        ArrayNode resources = (ArrayNode) k.path("resources");
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).asText().equals("services/payout.yaml")) {
                resources.set(i, "services/pay-out.yaml");
            }
        }
        assertEquals(List.of("kustomization.yaml lists services/pay-out.yaml, which does not exist",
                "services/payout.yaml is not listed in kustomization.yaml"),
                DeployFiles.checkKubernetes(DeployFiles.manifests(), k, DeployFiles.manifestFiles()));
    }

    @Test
    void aScaledObjectBeyondThePartitionsOrOnAnotherGroupIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ObjectNode so = doc(m, "ScaledObject", "settlement");
        ((ObjectNode) so.path("spec")).put("maxReplicaCount", 16);
        ((ObjectNode) so.path("spec").path("triggers").path(0).path("metadata")).put("consumerGroup", "settlement");
        assertEquals(List.of("ScaledObject settlement allows 16 replicas, but fairshare.usage.resolved.v1 has 12 partitions",
                "ScaledObject settlement watches group settlement on fairshare.usage.resolved.v1, which settlement does not consume with",
                "KafkaUser keda-lag-reader may not Describe fairshare.usage.resolved.v1 and group settlement for ScaledObject settlement"),
                DeployFiles.checkKubernetes(m));
    }

    @Test
    void aWorkloadScaledTwiceIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ObjectNode ref = (ObjectNode) doc(m, "HorizontalPodAutoscaler", "usage-ingest").path("spec").path("scaleTargetRef");
        ref.put("name", "settlement");
        assertEquals(List.of("Deployment settlement is scaled by both a ScaledObject and HorizontalPodAutoscaler usage-ingest"),
                DeployFiles.checkKubernetes(m));
    }

    @Test
    void aSecretNothingCreatesIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ObjectNode env = (ObjectNode) container(m, "Deployment", "usage-ingest").path("env").path(0).path("valueFrom").path("secretKeyRef");
        env.put("name", "usage-ingest-kafka");
        assertEquals(List.of("Deployment usage-ingest container usage-ingest KAFKA_SASL_JAAS_CONFIG reads Secret usage-ingest-kafka, which nothing creates",
                "usage-ingest does not log in to Kafka as its KafkaUser usage-ingest"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aServiceOnAnotherServicesDatabaseIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "ConfigMap", "payout-config").path("data")).put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://fairshare-pg-ro:5432/payout");
        assertEquals(List.of("payout connects to fairshare-pg-ro, not the primary of Cluster fairshare-pg (fairshare-pg-rw)"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aDatabaseOwnedByAnUnmanagedRoleIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "Database", "fairshare-pg-payout").path("spec")).put("owner", "app");
        assertEquals(List.of("database payout is owned by app, which the Cluster does not manage",
                "payout does not log in as app, the owner of database payout"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aServiceSelectingNoPodsIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "Service", "payout").path("spec").path("selector")).put("app.kubernetes.io/name", "pay-out");
        assertEquals(List.of("service payout has no Service selecting its pods", "Service payout selects no pods"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aStatefulSetWithoutHeadlessServiceIsReported() {
        List<Manifest> m = without(DeployFiles.manifests(), "Service", "rights-registry-headless");
        assertEquals(List.of("StatefulSet rights-registry's serviceName rights-registry-headless is not a headless Service"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void nodePoolsWithoutControllersAreReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ArrayNode) doc(m, "KafkaNodePool", "controllers").path("spec").path("roles")).set(0, "broker");
        assertEquals(List.of("the node pools do not provide both KRaft controllers and brokers"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aUserAuthenticatingInAWayNoListenerAcceptsIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "KafkaUser", "payout").path("spec").path("authentication")).put("type", "tls");
        assertEquals(List.of("KafkaUser payout authenticates with tls, which no listener accepts"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aTopicThatStopsOnOneBrokerDownIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "KafkaTopic", "registry-changes-v1").path("spec").path("config")).put("min.insync.replicas", 3);
        assertEquals(List.of("KafkaTopic fairshare.registry.changes.v1 needs 3 in-sync replicas of 3: one broker down stops writes"),
                DeployFiles.checkKubernetes(m));
    }

    @Test
    void aManagedRoleWithoutPasswordIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "Cluster", "fairshare-pg").path("spec").path("managed").path("roles").path(3)).remove("passwordSecret");
        assertEquals(List.of("Cluster fairshare-pg's role payout has no password Secret",
                "payout does not log in as payout, the owner of database payout"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void theAutoscalerLoggingInAsNoKafkaUserIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "Secret", "keda-lag-reader-identity").path("stringData")).put("username", "keda");
        assertEquals(List.of("TriggerAuthentication keda-kafka logs in as keda, which is no KafkaUser",
                "TriggerAuthentication keda-kafka logs in as keda, which is no KafkaUser"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void aTruststoreOutsideTheMountedVolumeIsReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "ConfigMap", "fairshare-kafka-client").path("data")).put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.crt");
        assertEquals(List.of("usage-ingest's truststore /etc/kafka-ca/ca.crt is not in a mounted volume",
                "rights-registry's truststore /etc/kafka-ca/ca.crt is not in a mounted volume",
                "settlement's truststore /etc/kafka-ca/ca.crt is not in a mounted volume",
                "payout's truststore /etc/kafka-ca/ca.crt is not in a mounted volume"), DeployFiles.checkKubernetes(m));
    }

    @Test
    void podMonitorsAndDisruptionBudgetsThatMissThePodsAreReported() {
        List<Manifest> m = DeployFiles.manifests();
        ((ObjectNode) doc(m, "PodMonitor", "fairshare-services").path("spec").path("podMetricsEndpoints").path(0)).put("path", "/metrics");
        ((ObjectNode) doc(m, "PodDisruptionBudget", "settlement").path("spec").path("selector").path("matchLabels")).put("app.kubernetes.io/name", "settle");
        assertEquals(List.of("PodDisruptionBudget settlement selects no pods", "PodMonitor fairshare-services scrapes /metrics, not /q/metrics"),
                DeployFiles.checkKubernetes(m));
    }

    @Test
    void aManifestDefinedTwiceOrOfAnUnknownKindIsReported() {
        List<Manifest> m = new ArrayList<>(DeployFiles.manifests());
        m.add(new Manifest("extra.yaml", Yaml.document("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: payout-config\ndata:\n  A: b\n")));
        m.add(new Manifest("extra.yaml", Yaml.document("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly\n")));
        assertEquals(List.of("extra.yaml: ConfigMap payout-config is defined twice", "extra.yaml: kind CronJob is not one these checks know"),
                DeployFiles.checkKubernetes(m));
    }

    @Test
    void theKubernetesReadmeSaysHowToCreateEveryOutOfBandSecret() {
        String readme = Yaml.read(DeployFiles.KUBERNETES_DIR.resolve("README.md"));
        List<String> missing = new ArrayList<>();
        for (KubernetesChecks.ExternalSecret s : DeployFiles.EXTERNAL_SECRETS) {
            if (!readme.contains(s.name())) {
                missing.add(s.name());
            }
            for (String key : s.keys()) {
                if (!readme.contains("--from-literal=" + key + "=")) {
                    missing.add(s.name() + "/" + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void quantitiesAreReadInBaseUnits() {
        assertEquals(0, KubernetesChecks.quantity("500m").compareTo(new java.math.BigDecimal("0.5")));
        assertEquals(0, KubernetesChecks.quantity("1536Mi").compareTo(new java.math.BigDecimal(1536L * 1024 * 1024)));
        assertEquals(null, KubernetesChecks.quantity("two"));
    }
}
