package io.fairshare.servers;

/** A Kafka cluster given from outside (for example by {@code KAFKA_BOOTSTRAP_SERVERS}); this JVM cannot stop or start it. */
public final class ExternalKafka implements KafkaEndpoint {
    private final String bootstrapServers;
    private final String origin;

    /**
     * @param bootstrapServers {@code host:port[,...]}
     * @param origin where the address came from, for error messages (e.g. "KAFKA_BOOTSTRAP_SERVERS")
     */
    public ExternalKafka(String bootstrapServers, String origin) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrap servers must not be blank");
        }
        this.bootstrapServers = bootstrapServers.trim();
        this.origin = origin;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public boolean isManaged() {
        return false;
    }

    @Override
    public void stop() {
        throw unsupported("stop");
    }

    @Override
    public void start() {
        throw unsupported("start");
    }

    private UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException("Cannot " + what + " the Kafka cluster at " + bootstrapServers
                + ": it was given from outside (" + origin + "), so this JVM does not run it. Unset "
                + origin + " to let the test support run its own broker.");
    }

    @Override
    public String toString() {
        return "external Kafka at " + bootstrapServers + " (" + origin + ")";
    }
}
