package io.fairshare.service.credentials;

import io.fairshare.contracts.Topics;
import io.fairshare.contracts.credentials.CredentialV1;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Keeps a {@link CredentialBook} in step with {@link Topics#CREDENTIALS}: every instance reads the compacted topic
 * from the beginning at start (all partitions assigned, no consumer group, nothing committed), then follows it.
 * The topic holds one record per key id, so the start-up read is bounded by the number of credentials ever issued,
 * and every instance needs all of them (a shared consumer group would split them between instances). Until the
 * end offsets found at start are reached, {@link #caughtUp()} is false: a service then answers an unknown party or
 * auditor key with 503 rather than 401. A record that is not a {@link CredentialV1} is logged and skipped; a
 * tombstone forgets its key. Plain Java: the service starts it at start-up and closes it at shutdown.
 */
public final class CredentialFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CredentialFeed.class);

    private final Map<String, Object> kafka;
    private final CredentialBook book;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running;
    private KafkaConsumer<String, String> consumer;
    private Thread thread;

    /** {@code kafka}: the client settings (bootstrap servers, and security where the broker needs it). */
    public CredentialFeed(Map<String, Object> kafka, CredentialBook book) {
        this.kafka = kafka;
        this.book = book;
    }

    public CredentialBook book() {
        return book;
    }

    /** Creates the topic if missing, then reads it from the beginning on a thread of its own. */
    public synchronized void start() {
        ensureTopic(kafka, Topics.CREDENTIALS, 1);
        Properties p = new Properties();
        p.putAll(kafka);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> parts = List.of();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (parts.isEmpty()) {
            // a topic just created may not be in the metadata yet
            parts = c.partitionsFor(Topics.CREDENTIALS, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            if (parts.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    c.close();
                    throw new IllegalStateException(Topics.CREDENTIALS + " has no partitions");
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    c.close();
                    throw new IllegalStateException("interrupted while reading " + Topics.CREDENTIALS, e);
                }
            }
        }
        c.assign(parts);
        c.seekToBeginning(parts);
        Map<TopicPartition, Long> end = c.endOffsets(parts, Duration.ofSeconds(30));
        consumer = c;
        running = true;
        thread = new Thread(() -> loop(c, end), "credential-feed");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether everything on the topic at start has been read. */
    public boolean caughtUp() {
        return caughtUp.getCount() == 0;
    }

    /** Waits until {@link #caughtUp()}; false on timeout. */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void loop(KafkaConsumer<String, String> c, Map<TopicPartition, Long> end) {
        try {
            checkCaughtUp(c, end);
            while (running) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    apply(r);
                }
                if (caughtUp.getCount() > 0) {
                    checkCaughtUp(c, end);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("credential feed stopped", e);
        } finally {
            c.close(Duration.ofSeconds(5));
        }
    }

    private void apply(ConsumerRecord<String, String> r) {
        if (r.value() == null) {
            if (r.key() != null) {
                book.forget(r.key());
            }
            return;
        }
        try {
            CredentialV1 cred = CredentialJson.read(r.value());
            if (r.key() != null && !r.key().equals(cred.keyId())) {
                LOG.errorf("skipping credential at %s-%d@%d: key %s differs from its keyId", r.topic(), r.partition(), r.offset(), r.key());
                return;
            }
            book.learn(cred);
        } catch (RuntimeException e) {
            LOG.errorf("skipping unreadable credential at %s-%d@%d: %s", r.topic(), r.partition(), r.offset(), e.getMessage());
        }
    }

    private void checkCaughtUp(KafkaConsumer<String, String> c, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return;
            }
        }
        caughtUp.countDown();
        LOG.infof("credential feed caught up: %d credential(s) known", book.size());
    }

    @Override
    public synchronized void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
    }

    /** Creates {@code topic} compacted with {@code partitions} if it does not exist (idempotent across instances). */
    public static void ensureTopic(Map<String, Object> kafka, String topic, int partitions) {
        try (Admin admin = Admin.create(kafka)) {
            if (admin.listTopics().names().get().contains(topic)) {
                return;
            }
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1)
                    .configs(Map.of("cleanup.policy", "compact")))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + topic, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating " + topic, e);
        }
    }
}
