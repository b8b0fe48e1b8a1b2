package io.fairshare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

class ServerChoiceTest {

    @Test
    void testcontainersWithoutDockerFailsWithAClearMessage() {
        assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "this machine has Docker");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SharedServers.start("testcontainers"));
        assertEquals("fairshare.servers=testcontainers needs a Docker engine, and Testcontainers found none (DOCKER_HOST="
                + System.getenv("DOCKER_HOST") + "). Start Docker, or run without -Dfairshare.servers=testcontainers to use"
                + " the embedded Kafka and PostgreSQL, which need no Docker.", e.getMessage());
    }

    @Test
    void anUnknownChoiceNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SharedServers.start("docker"));
        assertEquals("fairshare.servers must be 'embedded' (a broker and PostgreSQL run from this checkout, no Docker) or"
                + " 'testcontainers' (needs Docker), not 'docker'", e.getMessage());
    }
}
