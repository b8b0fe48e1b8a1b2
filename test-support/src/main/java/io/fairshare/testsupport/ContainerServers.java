package io.fairshare.testsupport;

import io.fairshare.servers.ExternalKafka;
import io.fairshare.servers.ExternalPostgres;
import io.fairshare.servers.Settings;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Kafka and PostgreSQL in Docker containers, for {@code -Dfairshare.servers=testcontainers}. Only
 * loaded when chosen, so Testcontainers stays an optional dependency. Testcontainers' own reaper
 * removes the containers if the JVM dies.
 */
final class ContainerServers {
    static final String KAFKA_IMAGE_PROPERTY = "fairshare.testcontainers.kafka-image";
    static final String POSTGRES_IMAGE_PROPERTY = "fairshare.testcontainers.postgres-image";

    private ContainerServers() {
    }

    /** Fails with a message that says what to do when {@code probe} finds no Docker engine (or fails to look). */
    static void requireDocker(BooleanSupplier probe) {
        boolean docker;
        String why = "";
        try {
            docker = probe.getAsBoolean();
        } catch (RuntimeException e) {
            docker = false;
            why = " (" + e.getMessage() + ")";
        }
        if (!docker) {
            throw new IllegalStateException(SharedServers.CHOICE_PROPERTY + "=testcontainers needs a Docker engine, and"
                    + " Testcontainers found none" + why + " (DOCKER_HOST=" + System.getenv("DOCKER_HOST")
                    + "). Start Docker, or run without -D" + SharedServers.CHOICE_PROPERTY
                    + "=testcontainers to use the embedded Kafka and PostgreSQL, which need no Docker.");
        }
    }

    static SharedServers.Running start() {
        requireDocker(() -> DockerClientFactory.instance().isDockerAvailable());
        String kafkaImage = Settings.first(KAFKA_IMAGE_PROPERTY).orElse("apache/kafka:4.1.0");
        String postgresImage = Settings.first(POSTGRES_IMAGE_PROPERTY).orElse("postgres:15-alpine");
        KafkaContainer kafka = new KafkaContainer(kafkaImage)
                .withEnv("KAFKA_NUM_PARTITIONS", "4")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        PostgreSQLContainer postgres = new PostgreSQLContainer(postgresImage)
                .withDatabaseName("postgres").withUsername("fairshare").withPassword("fairshare")
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "max_connections=200");
        CompletableFuture<Void> kafkaStarted = CompletableFuture.runAsync(kafka::start);
        postgres.start();
        kafkaStarted.join();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.stop();
            postgres.stop();
        }, "fairshare-containers-stop"));
        String origin = SharedServers.CHOICE_PROPERTY + "=testcontainers";
        return new SharedServers.Running("testcontainers",
                new ExternalKafka(kafka.getBootstrapServers(), origin),
                new ExternalPostgres(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword()));
    }
}
