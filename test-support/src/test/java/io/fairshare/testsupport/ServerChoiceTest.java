package io.fairshare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ServerChoiceTest {

    @Test
    void testcontainersWithoutDockerFailsWithAClearMessage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ContainerServers.requireDocker(() -> false));
        assertEquals("fairshare.servers=testcontainers needs a Docker engine, and Testcontainers found none (DOCKER_HOST="
                + System.getenv("DOCKER_HOST") + "). Start Docker, or run without -Dfairshare.servers=testcontainers to use"
                + " the embedded Kafka and PostgreSQL, which need no Docker.", e.getMessage());
    }

    @Test
    void aDockerProbeThatFailsSaysWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ContainerServers.requireDocker(() -> {
            throw new IllegalStateException("no socket at /var/run/docker.sock");
        }));
        assertTrue(e.getMessage().startsWith("fairshare.servers=testcontainers needs a Docker engine, and Testcontainers found none"
                + " (no socket at /var/run/docker.sock) (DOCKER_HOST="), e.getMessage());
    }

    @Test
    void anUnknownChoiceNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SharedServers.start("docker"));
        assertEquals("fairshare.servers must be 'embedded' (a broker and PostgreSQL run from this checkout, no Docker) or"
                + " 'testcontainers' (needs Docker), not 'docker'", e.getMessage());
    }
}
