package io.fairshare.stack.pipeline;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each consumer group on the broker is behind: for every partition a group has committed an offset
 * on, the last stable offset (read_committed end) minus the group's committed offset. It is what the demo
 * and the end-to-end checks wait on ("every service has consumed everything"), and what the end-to-end
 * benchmark plots.
 */
public final class ConsumerLag implements AutoCloseable {
    private static final Duration CALL = Duration.ofSeconds(20);
    /** Offsets behind up to which the records in between are read to see whether any is consumable. */
    private static final long TAIL_CHECK = 1_000;
    private final Admin admin;
    private final String bootstrapServers;
    private org.apache.kafka.clients.consumer.KafkaConsumer<byte[], byte[]> reader;

    public ConsumerLag(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CALL.toMillis() / 2,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL.toMillis()));
    }

    /** Lag per consumer group and topic ({@code group -> topic -> records behind}), sorted by name. */
    public Map<String, Map<String, Long>> byGroupAndTopic() throws InterruptedException {
        try {
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(CALL.toMillis(), TimeUnit.MILLISECONDS)) {
                groups.add(g.groupId());
            }
            Map<String, Map<TopicPartition, OffsetAndMetadata>> committed = new HashMap<>();
            Set<TopicPartition> partitions = new java.util.HashSet<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
                committed.put(group, offsets);
                partitions.addAll(offsets.keySet());
            }
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            partitions.forEach(tp -> request.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin
                    .listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                    .all().get(CALL.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Map<String, Long>> lag = new TreeMap<>();
            for (Map.Entry<String, Map<TopicPartition, OffsetAndMetadata>> g : committed.entrySet()) {
                Map<String, Long> perTopic = lag.computeIfAbsent(g.getKey(), k -> new TreeMap<>());
                for (Map.Entry<TopicPartition, OffsetAndMetadata> e : g.getValue().entrySet()) {
                    TopicPartition tp = e.getKey();
                    long end = ends.get(tp).offset();
                    long from = e.getValue() == null ? 0 : e.getValue().offset();
                    long behind = Math.max(0, end - from);
                    if (behind > 0 && behind <= TAIL_CHECK) {
                        behind = recordsBetween(tp, from, end);
                    }
                    perTopic.merge(tp.topic(), behind, Long::sum);
                }
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read consumer lag from the broker: " + e.getMessage(), e);
        }
    }

    /** Total lag per consumer group. */
    public Map<String, Long> byGroup() throws InterruptedException {
        Map<String, Long> out = new TreeMap<>();
        byGroupAndTopic().forEach((g, t) -> out.put(g, t.values().stream().mapToLong(Long::longValue).sum()));
        return out;
    }

    /** The offsets a group has committed on a topic, summed over its partitions (0 before its first commit). */
    public long committed(String group, String topic) throws InterruptedException {
        try {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(CALL.toMillis(), TimeUnit.MILLISECONDS).entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the offsets of group " + group + ": " + e.getMessage(), e);
        }
    }

    /** Records written to a topic so far (read_committed end offsets summed over its partitions). */
    public long endOffsets(String topic) throws InterruptedException {
        try {
            var description = admin.describeTopics(List.of(topic)).allTopicNames().get(CALL.toMillis(), TimeUnit.MILLISECONDS)
                    .get(topic);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all()
                    .get(CALL.toMillis(), TimeUnit.MILLISECONDS).values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic + ": " + e.getMessage(), e);
        }
    }

    /** Waits until a topic holds at least {@code count} records (e.g. the statements a close announced). */
    public void awaitRecords(String topic, long count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long seen;
        while ((seen = endOffsets(topic)) < count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(topic + " holds " + seen + " records, not " + count + ", after " + timeout.toSeconds() + " s");
            }
            Thread.sleep(300);
        }
    }

    /**
     * Waits until the named groups (all of them when {@code groups} is empty) exist and have consumed
     * everything, checking twice in a row a second apart so that a group between two commits does not
     * pass. Reports the lag every {@code reportEvery} through {@code progress}.
     *
     * @throws IllegalStateException naming the groups still behind when {@code timeout} passes
     */
    public void awaitCaughtUp(Set<String> groups, Duration timeout, Duration reportEvery, Consumer<String> progress)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextReport = System.nanoTime() + reportEvery.toNanos();
        int quietChecks = 0;
        while (true) {
            Map<String, Long> lag = byGroup();
            boolean present = lag.keySet().containsAll(groups);
            Map<String, Long> relevant = new TreeMap<>(lag);
            if (!groups.isEmpty()) {
                relevant.keySet().retainAll(groups);
            }
            boolean caughtUp = present && relevant.values().stream().allMatch(l -> l == 0);
            quietChecks = caughtUp ? quietChecks + 1 : 0;
            if (quietChecks >= 2) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("consumers still behind after " + timeout.toSeconds() + " s: " + relevant
                        + (present ? "" : " (missing groups: " + groups.stream().filter(g -> !lag.containsKey(g)).toList() + ")"));
            }
            if (System.nanoTime() > nextReport) {
                progress.accept("  consumer lag " + relevant);
                nextReport = System.nanoTime() + reportEvery.toNanos();
            }
            Thread.sleep(1000);
        }
    }

    /**
     * Offsets between a committed offset and the end are not all records: a transactional producer leaves a
     * commit marker after each transaction, and an aborted transaction leaves records no read_committed consumer
     * sees. A group that has consumed everything therefore often sits one offset per partition "behind". Reading
     * the offsets in between (read_committed, no group) tells: 0 when nothing there is consumable, else the
     * offsets behind.
     */
    private long recordsBetween(TopicPartition tp, long from, long end) {
        if (reader == null) {
            reader = new org.apache.kafka.clients.consumer.KafkaConsumer<>(Map.of(
                    org.apache.kafka.clients.consumer.ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    org.apache.kafka.clients.consumer.ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                    org.apache.kafka.clients.consumer.ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer(),
                    new org.apache.kafka.common.serialization.ByteArrayDeserializer());
        }
        reader.assign(List.of(tp));
        reader.seek(tp, from);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (reader.position(tp) < end && System.nanoTime() < deadline) {
            if (!reader.poll(Duration.ofMillis(200)).isEmpty()) {
                return end - from;
            }
        }
        return reader.position(tp) >= end ? 0 : end - from;
    }

    @Override
    public void close() {
        if (reader != null) {
            reader.close(Duration.ofSeconds(5));
        }
        admin.close(Duration.ofSeconds(5));
    }
}
