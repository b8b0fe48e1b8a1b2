package io.fairshare.servers;

/** A Kafka cluster that clients can reach: one this JVM runs ({@link KafkaBroker}) or one given from outside. */
public interface KafkaEndpoint {
    /** {@code host:port[,host:port...]} for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** Whether this JVM runs the broker, so that {@link #stop()} and {@link #start()} are allowed. */
    boolean isManaged();

    /**
     * Stops the broker cleanly; a later {@link #start()} brings it back on the same port with the same data.
     *
     * @throws UnsupportedOperationException for a cluster given from outside
     */
    void stop();

    /**
     * Starts the broker (again); returns once it serves clients. Does nothing if it is running.
     *
     * @throws UnsupportedOperationException for a cluster given from outside
     */
    void start();

    /** Creates the topic with this many partitions and the broker's default replication; an existing topic is left as it is. */
    default void createTopic(String name, int partitions) {
        KafkaTopics.create(bootstrapServers(), name, partitions);
    }
}
