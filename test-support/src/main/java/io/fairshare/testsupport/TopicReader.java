package io.fairshare.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the beginning, for assertions such as "every accepted event is on the topic
 * exactly once". Reads committed records only (aborted transactions are skipped), without a consumer
 * group and without creating the topic.
 */
public final class TopicReader {
    /** How long {@link #readAll(String)} may take by default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private TopicReader() {
    }

    /** Every record now on the topic of the test broker (none if the topic does not exist). */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readAll(TestServers.kafkaBootstrap(), topic, DEFAULT_TIMEOUT);
    }

    public static List<ConsumerRecord<String, String>> readAll(String topic, Duration timeout) {
        return readAll(TestServers.kafkaBootstrap(), topic, timeout);
    }

    /**
     * Every record on the topic from its beginning to the end it had when the read started, in
     * partition order (records of one partition in offset order).
     *
     * @throws AssertionError if the end is not reached within the timeout
     */
    public static List<ConsumerRecord<String, String>> readAll(String bootstrapServers, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers)) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout);
            if (infos == null || infos.isEmpty()) {
                return List.of();
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                    .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            List<List<ConsumerRecord<String, String>>> byPartition = new ArrayList<>();
            partitions.forEach(p -> byPartition.add(new ArrayList<>()));
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, timeout) < end.get(tp))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end within " + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (r.offset() < end.get(new TopicPartition(topic, r.partition()))) {
                        byPartition.get(partitions.indexOf(new TopicPartition(topic, r.partition()))).add(r);
                    }
                }
            }
            return byPartition.stream().flatMap(List::stream).toList();
        }
    }

    /**
     * Waits until the topic holds at least {@code count} records and returns all of them.
     *
     * @throws AssertionError naming how many there were when the timeout passed
     */
    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, String>> seen = List.of();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), Duration.ofSeconds(5).toNanos()));
            seen = readAll(TestServers.kafkaBootstrap(), topic, left);
            if (seen.size() >= count) {
                return seen;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected at least " + count + " records on " + topic + " within "
                        + timeout.toMillis() + " ms, found " + seen.size());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for records on " + topic, e);
            }
        }
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // Deserializer instances, not class names: no class loading through the context class loader.
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
