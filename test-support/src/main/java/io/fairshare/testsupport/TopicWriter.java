package io.fairshare.testsupport;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Writes string records to the shared test broker, each acknowledged by all replicas before the next is sent. */
public final class TopicWriter {
    private TopicWriter() {
    }

    /** Sends {@code records} in order and waits for each acknowledgement. */
    public static void send(List<ProducerRecord<String, String>> records) throws InterruptedException, ExecutionException {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.kafkaBootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // Serializer instances, not class names: no class loading through the context class loader.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> r : records) {
                producer.send(r).get();
            }
        }
    }
}
