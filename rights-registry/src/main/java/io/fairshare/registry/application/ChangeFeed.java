package io.fairshare.registry.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fairshare.contracts.Topics;
import io.fairshare.registry.config.RegistryConfig;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads {@link Topics#REGISTRY_CHANGES} on every instance: its own consumer group ({@code registry-index-<uuid>}),
 * every partition assigned and positioned at the end before the catalogue is loaded from the database (which covers
 * history), then a thread that applies each polled batch. Offsets are not committed: a restart reloads from the
 * database.
 */
@ApplicationScoped
public class ChangeFeed {
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    /** The connector's Kafka settings ({@code kafka.*}: bootstrap servers, and security where the broker needs it). */
    private final Map<String, Object> kafka;
    private final RegistryConfig config;
    private final String groupId = "registry-index-" + UUID.randomUUID();
    private KafkaConsumer<String, String> consumer;
    private Thread thread;
    private volatile boolean running;

    public ChangeFeed(@io.smallrye.common.annotation.Identifier("default-kafka-broker") Map<String, Object> kafka, RegistryConfig config) {
        this.kafka = kafka;
        this.config = config;
    }

    /** Creates the topic if it is missing, assigns all its partitions and fixes the start positions at their ends. */
    synchronized void position() {
        ensureTopic(kafka, config.changes().partitions());
        io.fairshare.service.credentials.CredentialFeed.ensureTopic(kafka, Topics.CREDENTIALS, 1);
        Properties p = new Properties();
        p.putAll(kafka);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        consumer = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<PartitionInfo> infos = consumer.partitionsFor(Topics.REGISTRY_CHANGES, Duration.ofSeconds(30));
        List<TopicPartition> parts = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
        consumer.assign(parts);
        consumer.seekToEnd(parts);
        Map<TopicPartition, Long> at = parts.stream().collect(Collectors.toMap(tp -> tp, tp -> consumer.position(tp)));
        LOG.infof("change feed %s positioned at %s", groupId, at);
    }

    synchronized void start(Consumer<List<CatalogueChange>> apply) {
        running = true;
        KafkaConsumer<String, String> c = consumer;
        thread = new Thread(() -> loop(c, apply), "registry-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop(KafkaConsumer<String, String> c, Consumer<List<CatalogueChange>> apply) {
        try {
            while (running) {
                ConsumerRecords<String, String> records = c.poll(Duration.ofMillis(500));
                if (records.isEmpty()) {
                    continue;
                }
                List<CatalogueChange> changes = new ArrayList<>(records.count());
                for (ConsumerRecord<String, String> r : records) {
                    try {
                        changes.add(CatalogueJson.readChange(CatalogueJson.MAPPER.readTree(r.value())));
                    } catch (JsonProcessingException | RuntimeException e) {
                        LOG.errorf("skipping unreadable change at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
                    }
                }
                apply.accept(changes);
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            LOG.error("change feed stopped", e);
        } finally {
            c.close(Duration.ofSeconds(5));
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    static void ensureTopic(Map<String, Object> kafka, int partitions) {
        try (Admin admin = Admin.create(kafka)) {
            if (admin.listTopics().names().get().contains(Topics.REGISTRY_CHANGES)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(Topics.REGISTRY_CHANGES, partitions, (short) -1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + Topics.REGISTRY_CHANGES, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + Topics.REGISTRY_CHANGES, e);
        }
    }
}
