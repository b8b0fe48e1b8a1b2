package io.fairshare.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.deploy.ServiceCatalog.Group;
import io.fairshare.deploy.ServiceCatalog.PlainClient;
import io.fairshare.deploy.ServiceCatalog.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the deployment checks believe about each service, read from the services' own configuration. */
class ServiceCatalogTest {
    @Test
    void theRegistryIsReadFromItsConfiguration() {
        Service registry = ServiceCatalog.service(DeployFiles.services(), "rights-registry");
        assertEquals(8082, registry.port());
        assertEquals("registry", registry.database());
        assertEquals(Set.of("fairshare.usage.accepted.v1", "fairshare.usage.unmatched.v1", "fairshare.registry.changes.v1"), registry.consumes());
        assertEquals(Set.of("fairshare.usage.resolved.v1", "fairshare.usage.unmatched.v1", "fairshare.registry.changes.v1", "fairshare.credentials.v1"),
                registry.produces());
        assertEquals(Set.of(new Group("rights-registry-resolver", false, "fairshare.usage.accepted.v1"),
                new Group("rights-registry-unmatched-store", false, "fairshare.usage.unmatched.v1"),
                new Group("registry-index-", true, "fairshare.registry.changes.v1")), registry.groups());
        assertEquals(Set.of("rights-registry-resolver-", "rights-registry-back-claims-"), registry.transactionalIdPrefixes());
    }

    @Test
    void settlementAndIngestAreReadFromTheirConfiguration() {
        Service settlement = ServiceCatalog.service(DeployFiles.services(), "settlement");
        assertEquals(8083, settlement.port());
        assertEquals("settlement", settlement.database());
        assertEquals(Set.of("fairshare.usage.resolved.v1", "fairshare.credentials.v1"), settlement.consumes());
        assertEquals(Set.of("fairshare.statements.issued.v1"), settlement.produces());
        assertEquals(Set.of(new Group("settlement-ledger", false, "fairshare.usage.resolved.v1")), settlement.groups());
        Service ingest = ServiceCatalog.service(DeployFiles.services(), "usage-ingest");
        assertEquals(8081, ingest.port());
        assertEquals("ingest", ingest.database());
        assertEquals(Set.of(), ingest.consumes());
        assertEquals(Set.of("fairshare.usage.accepted.v1"), ingest.produces());
    }

    @Test
    void everyHandBuiltKafkaClientIsWhereTheCatalogueSaysItIs() {
        List<String> missing = new ArrayList<>();
        for (PlainClient c : ServiceCatalog.PLAIN_CLIENTS) {
            if (c.evidenceFile() != null && !Yaml.read(Repo.root().resolve(c.evidenceFile())).contains(c.evidenceText())) {
                missing.add(c.evidenceFile() + ": " + c.evidenceText());
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theContractsNameSixTopics() {
        assertEquals(Set.of("fairshare.usage.accepted.v1", "fairshare.usage.resolved.v1", "fairshare.usage.unmatched.v1",
                "fairshare.registry.changes.v1", "fairshare.statements.issued.v1", "fairshare.credentials.v1"), ServiceCatalog.contractTopics());
    }

    @Test
    void theDeployReadmeNamesEveryProposedMetric() {
        String readme = Yaml.read(Repo.deploy().resolve("README.md"));
        List<String> missing = new ArrayList<>();
        MetricCatalog.PENDING.keySet().forEach(name -> {
            if (!readme.contains(name)) {
                missing.add(name);
            }
        });
        assertTrue(missing.isEmpty(), "deploy/README.md does not name " + missing);
    }
}
