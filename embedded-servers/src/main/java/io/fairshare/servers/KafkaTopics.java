package io.fairshare.servers;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** Topic creation shared by managed and external clusters. */
final class KafkaTopics {
    private KafkaTopics() {
    }

    static void create(String bootstrapServers, String name, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic needs at least one partition, not " + partitions);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            try {
                admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty())))
                        .all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + name + " on " + bootstrapServers, e.getCause());
                }
            }
            awaitLeaders(admin, name, bootstrapServers);
        } catch (TimeoutException e) {
            throw new IllegalStateException("creating topic " + name + " on " + bootstrapServers + " took over 30 s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topic " + name, e);
        }
    }

    /**
     * The controller acknowledges a new topic before every broker's metadata has it: a describe (or a
     * client) right after creation can still hear "unknown topic or partition". Waits until every
     * partition has a leader, so that whoever uses the topic next finds it.
     */
    private static void awaitLeaders(Admin admin, String name, String bootstrapServers)
            throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                TopicDescription d = admin.describeTopics(List.of(name)).allTopicNames().get(10, TimeUnit.SECONDS).get(name);
                if (d != null && !d.partitions().isEmpty() && d.partitions().stream().allMatch(p -> p.leader() != null)) {
                    return;
                }
            } catch (ExecutionException notYet) {
                // UnknownTopicOrPartitionException while the metadata propagates
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topic " + name + " on " + bootstrapServers + " has no leader for every partition after 30 s");
            }
            Thread.sleep(100);
        }
    }
}
