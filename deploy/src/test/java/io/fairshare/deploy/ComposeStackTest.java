package io.fairshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** deploy/compose/compose.yaml and its scripts, checked without Docker; each check is shown to fail on a broken copy. */
class ComposeStackTest {
    private static List<String> check(ComposeChecks.Stack stack) {
        return ComposeChecks.check(stack, DeployFiles.services(), ServiceCatalog.contractTopics());
    }

    private static ObjectNode service(ComposeChecks.Stack stack, String name) {
        return (ObjectNode) stack.compose().path("services").path(name);
    }

    @Test
    void theComposeStackRunsEveryServiceWithItsDatabaseTopicsAndHealthChecks() {
        assertEquals(List.of(), check(DeployFiles.compose()));
    }

    @Test
    void aServiceWithoutHealthCheckIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        service(stack, "settlement").remove("healthcheck");
        assertEquals(List.of("service settlement has no healthcheck"), check(stack));
    }

    @Test
    void aMissingProjectServiceIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        ((ObjectNode) stack.compose().path("services")).remove("payout");
        assertEquals(List.of("project service payout is not defined"), check(stack));
    }

    @Test
    void twoServicesPublishingOneHostPortAreReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        ((ArrayNode) service(stack, "grafana").path("ports")).set(0, "8083:3000");
        assertEquals(List.of("host port 8083 is published by both settlement and grafana"), check(stack));
    }

    @Test
    void aDependencyOnAnUndefinedServiceIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        ObjectNode deps = (ObjectNode) service(stack, "grafana").path("depends_on");
        deps.set("prometeus", deps.remove("prometheus"));
        assertEquals(List.of("service grafana depends on undefined service prometeus"), check(stack));
    }

    @Test
    void waitingForAServiceToBeHealthyNeedsItsHealthCheck() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        service(stack, "prometheus").remove("healthcheck");
        assertEquals(List.of("service grafana waits for prometheus to be healthy, but prometheus has no healthcheck"), check(stack));
    }

    @Test
    void aServiceConnectingToAnotherServicesDatabaseIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        ((ObjectNode) service(stack, "payout").path("environment")).put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/settlement");
        assertEquals(List.of("service payout connects to database settlement, not its own (payout)",
                "service payout connects as payout, but database settlement is owned by settlement"), check(stack));
    }

    @Test
    void aTopicTheScriptForgetsOrUnderPartitionsIsReported() {
        ComposeChecks.Stack real = DeployFiles.compose();
        String script = real.topicScript()
                .replace("create fairshare.statements.issued.v1 4", "# (removed)")
                .replace("create fairshare.usage.resolved.v1 4", "create fairshare.usage.resolved.v1 2");
        ComposeChecks.Stack stack = new ComposeChecks.Stack(real.compose(), real.dir(), script, real.initSql());
        assertEquals(List.of("topic fairshare.statements.issued.v1 is not created by create-topics.sh",
                "topic fairshare.usage.resolved.v1 has 2 partitions, fewer than 4"), check(stack));
    }

    @Test
    void aDatabaseTheInitScriptDoesNotCreateIsReported() {
        ComposeChecks.Stack real = DeployFiles.compose();
        String sql = real.initSql().replace("CREATE DATABASE payout OWNER payout;", "");
        ComposeChecks.Stack stack = new ComposeChecks.Stack(real.compose(), real.dir(), real.topicScript(), sql);
        assertEquals(List.of("service payout's database payout is not created by the init script",
                "service payout connects as payout, but database payout is owned by null"), check(stack));
    }

    @Test
    void aBindMountOfAMissingFileIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        ((ArrayNode) service(stack, "prometheus").path("volumes")).set(0, "./prometheus/prometheus.yaml:/etc/prometheus/prometheus.yml:ro");
        assertEquals(List.of("service prometheus mounts ./prometheus/prometheus.yaml, which does not exist"), check(stack));
    }

    @Test
    void aServiceBuiltFromTheWrongDirectoryIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        ((ObjectNode) service(stack, "settlement").path("build")).put("context", "../../payout");
        assertEquals(List.of("service settlement is built from ../../payout, not from its module directory"), check(stack));
    }

    @Test
    void aHealthCheckOnTheWrongPortIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        ((ArrayNode) service(stack, "usage-ingest").path("healthcheck").path("test")).set(5, "http://localhost:8080/q/health/ready");
        assertEquals(List.of("service usage-ingest's healthcheck does not ask http://localhost:8081/q/health/ready"), check(stack));
    }

    @Test
    void waitingForACompletionOfAServiceThatRestartsIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        service(stack, "kafka-topics").put("restart", "on-failure");
        List<String> expected = List.of(
                "service usage-ingest waits for kafka-topics to complete, but kafka-topics restarts",
                "service rights-registry waits for kafka-topics to complete, but kafka-topics restarts",
                "service settlement waits for kafka-topics to complete, but kafka-topics restarts",
                "service payout waits for kafka-topics to complete, but kafka-topics restarts");
        assertEquals(expected, check(stack));
    }

    @Test
    void anUndeclaredNamedVolumeIsReported() {
        ComposeChecks.Stack stack = DeployFiles.compose();
        ((ObjectNode) stack.compose().path("volumes")).remove("grafana-data");
        assertEquals(List.of("service grafana uses volume grafana-data, which is not declared"), check(stack));
    }

    @Test
    void aKafkaWithoutKraftControllerOrAnUnknownTopicIsReported() {
        ComposeChecks.Stack real = DeployFiles.compose();
        ((ObjectNode) service(real, "kafka").path("environment")).put("KAFKA_PROCESS_ROLES", "broker");
        String script = real.topicScript() + "\ncreate fairshare.usage.accepted.v2 4\n";
        ComposeChecks.Stack stack = new ComposeChecks.Stack(real.compose(), real.dir(), script, real.initSql());
        assertEquals(List.of("create-topics.sh creates fairshare.usage.accepted.v2, which io.fairshare.contracts.Topics does not name",
                "the kafka service does not run a KRaft controller"), check(stack));
    }

    @Test
    void aKeyGivenTwiceIsAParseErrorNotASilentOverride() {
        assertThrows(IllegalArgumentException.class, () -> Yaml.document("services:\n  kafka:\n    image: a\n  kafka:\n    image: b\n"));
    }
}
