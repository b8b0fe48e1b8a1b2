package io.fairshare.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One real broker and one real PostgreSQL for the whole class: they take a few seconds to start. */
class RealServersTest {
    static ServerSet servers;
    static KafkaBroker broker;
    static PostgresServer postgres;

    @BeforeAll
    static void startServers() {
        servers = ServerSet.start(ServerSet.Options.defaults().honourExternal(false));
        broker = servers.broker().orElseThrow();
        postgres = servers.postgresServer().orElseThrow();
    }

    @AfterAll
    static void stopServers() {
        if (servers != null) {
            Path dir = servers.workDir();
            servers.close();
            assertFalse(Files.exists(dir), "the work dir is deleted on close");
        }
    }

    @Test
    void aProducedRecordIsConsumedBack() throws Exception {
        broker.createTopic("roundtrip", 4);
        send(broker.bootstrapServers(), "roundtrip", "work-1", "used 1200 tokens");
        List<ConsumerRecord<String, String>> records = readAll(broker.bootstrapServers(), "roundtrip");
        assertEquals(1, records.size());
        assertEquals("work-1", records.get(0).key());
        assertEquals("used 1200 tokens", records.get(0).value());
    }

    @Test
    void topicsGetFourPartitionsByDefaultWhenAutoCreated() throws Exception {
        send(broker.bootstrapServers(), "auto-created", "k", "v");
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of("auto-created")).allTopicNames().get(30, TimeUnit.SECONDS)
                    .get("auto-created").partitions().size();
            assertEquals(4, partitions);
        }
    }

    @Test
    void createDatabaseIsIdempotentAndTheDatabaseAnswersQueries() throws SQLException {
        String url = postgres.createDatabase("ledger_check");
        assertEquals(url, postgres.createDatabase("ledger_check"), "a second create changes nothing");
        assertEquals("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/ledger_check", url);
        try (Connection c = Databases.connect(url, postgres.username(), postgres.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE entry (id int PRIMARY KEY, amount_minor bigint NOT NULL)");
            s.execute("INSERT INTO entry VALUES (1, 12500), (2, -12500), (3, 700)");
            try (ResultSet rs = s.executeQuery("SELECT count(*), sum(amount_minor), current_database() FROM entry")) {
                assertTrue(rs.next());
                assertEquals(3, rs.getInt(1));
                assertEquals(700L, rs.getLong(2));
                assertEquals("ledger_check", rs.getString(3));
            }
        }
    }

    @Test
    void aBadDatabaseNameIsRefusedBeforeReachingTheServer() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> postgres.createDatabase("x\"; DROP"));
        assertTrue(e.getMessage().contains("not a usable database name"), e.getMessage());
    }

    @Test
    void aStoppedBrokerComesBackOnTheSamePortWithItsData() throws Exception {
        String bootstrap = broker.bootstrapServers();
        broker.createTopic("survives-restart", 1);
        send(bootstrap, "survives-restart", "a", "before");
        long firstPid = broker.pid();

        broker.stop();
        assertFalse(broker.isRunning());
        assertFalse(Processes.isAlive(firstPid), "the broker JVM is gone");
        assertFalse(Processes.isListening(broker.port()), "nothing answers on the port while stopped");

        broker.start();
        assertEquals(bootstrap, broker.bootstrapServers());
        assertTrue(Processes.isListening(broker.port()));
        send(bootstrap, "survives-restart", "b", "after");
        List<String> values = readAll(bootstrap, "survives-restart").stream().map(ConsumerRecord::value).toList();
        assertEquals(List.of("before", "after"), values);
    }

    @Test
    void serversGivenFromOutsideAreUsedAndNeverStopped() {
        System.setProperty(ServerSet.KAFKA_BOOTSTRAP_PROPERTY, broker.bootstrapServers());
        System.setProperty(ServerSet.JDBC_URL_ENV, postgres.jdbcUrl("postgres") + "?ApplicationName=outside");
        try (ServerSet outside = ServerSet.start()) {
            assertTrue(outside.broker().isEmpty(), "no broker started");
            assertTrue(outside.postgresServer().isEmpty(), "no PostgreSQL started");
            assertEquals(broker.bootstrapServers(), outside.kafka().bootstrapServers());
            assertFalse(outside.kafka().isManaged());
            UnsupportedOperationException stop = assertThrows(UnsupportedOperationException.class, outside.kafka()::stop);
            assertTrue(stop.getMessage().contains(ServerSet.KAFKA_BOOTSTRAP_PROPERTY), stop.getMessage());
            assertThrows(UnsupportedOperationException.class, outside.kafka()::start);

            String url = outside.postgres().createDatabase("made_from_outside");
            assertEquals("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/made_from_outside?ApplicationName=outside", url);
            try (Connection c = Databases.connect(postgres.jdbcUrl("made_from_outside"), "fairshare", "fairshare")) {
                assertEquals("made_from_outside", c.getCatalog());
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        } finally {
            System.clearProperty(ServerSet.KAFKA_BOOTSTRAP_PROPERTY);
            System.clearProperty(ServerSet.JDBC_URL_ENV);
        }
        assertTrue(broker.isRunning(), "closing the outside set left the broker alone");
        assertTrue(postgres.isRunning(), "closing the outside set left PostgreSQL alone");
    }

    @Test
    void wrongCredentialsAreRejectedOverTcp() {
        SQLException e = assertThrows(SQLException.class,
                () -> Databases.connect(postgres.jdbcUrl("postgres"), postgres.username(), "not-the-password").close());
        assertEquals("28P01", e.getSQLState(), "password authentication failed");
    }

    static void send(String bootstrap, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(60, TimeUnit.SECONDS);
        }
    }

    static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                assertTrue(System.nanoTime() < deadline, "read " + topic + " to its end within 30 s");
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    @Test
    void theSetRunsTheServersItReports() {
        assertSame(broker, servers.kafka());
        assertSame(postgres, servers.postgres());
        PostgresServer.Provider expected = PostgresServer.Provider.fromSettings() == PostgresServer.Provider.ZONKY
                || PostgresServer.systemBinDir().isEmpty() ? PostgresServer.Provider.ZONKY : PostgresServer.Provider.SYSTEM;
        assertEquals(expected, postgres.provider());
        assertTrue(Processes.isAlive(broker.pid()));
        assertTrue(Processes.isAlive(postgres.pid()));
    }
}
