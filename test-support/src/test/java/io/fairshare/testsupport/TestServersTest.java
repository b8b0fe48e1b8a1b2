package io.fairshare.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Uses the JVM's shared servers, as a service's tests do. */
class TestServersTest {

    @Test
    void theResourceCreatesTheDatabaseAndPointsQuarkusAtBothServers() throws Exception {
        FairshareTestResources resource = new FairshareTestResources();
        resource.init(Map.of(FairshareTestResources.DATABASE_ARG, "support_check"));
        Map<String, String> config = resource.start();

        assertEquals(Set.of("kafka.bootstrap.servers", "quarkus.datasource.jdbc.url", "quarkus.datasource.username",
                "quarkus.datasource.password"), config.keySet());
        assertEquals(TestServers.kafkaBootstrap(), config.get("kafka.bootstrap.servers"));
        assertEquals(TestServers.jdbcUrl("support_check"), config.get("quarkus.datasource.jdbc.url"));
        assertTrue(config.get("quarkus.datasource.jdbc.url").endsWith("/support_check"));
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            assertEquals("support_check", rs.getString(1));
        }
        send(config.get("kafka.bootstrap.servers"), "resource-check", List.of("k1"));
        assertEquals(List.of("k1"), keys(TopicReader.readAll("resource-check")));
    }

    @Test
    void withoutADatabaseArgumentTheApplicationNameNamesTheDatabase() {
        FairshareTestResources resource = new FairshareTestResources();
        resource.init(Map.of());
        Map<String, String> config = resource.start();
        assertEquals(TestServers.jdbcUrl("support_app"), config.get("quarkus.datasource.jdbc.url"),
                "quarkus.application.name=support-app in src/test/resources/application.properties");
    }

    @Test
    void applicationNamesBecomeDatabaseNames() {
        assertEquals("usage_ingest", FairshareTestResources.databaseNameFor("usage-ingest"));
        assertEquals("rights_registry_v2", FairshareTestResources.databaseNameFor("Rights.Registry-v2"));
        assertEquals("_3d_models", FairshareTestResources.databaseNameFor("3d-models"));
        assertEquals(63, FairshareTestResources.databaseNameFor("x".repeat(80)).length());
    }

    @Test
    void stoppingTheResourceLeavesTheServersForTheNextTestClass() throws Exception {
        FairshareTestResources first = new FairshareTestResources();
        first.init(Map.of(FairshareTestResources.DATABASE_ARG, "first_class"));
        Map<String, String> before = first.start();
        first.stop();

        FairshareTestResources second = new FairshareTestResources();
        second.init(Map.of(FairshareTestResources.DATABASE_ARG, "first_class"));
        Map<String, String> after = second.start();
        assertEquals(before, after, "same servers, same database");
        assertTrue(listening(TestServers.kafkaBootstrap()));
    }

    @Test
    void everyClassLoaderReachesTheSameServers() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        // Like a Quarkus application class loader: its own copy of every library class.
        try (URLClassLoader isolated = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Class<?> otherTestServers = isolated.loadClass(TestServers.class.getName());
            assertNotSame(TestServers.class, otherTestServers);
            assertNotSame(SharedServers.class, isolated.loadClass(SharedServers.class.getName()));
            assertEquals(TestServers.kafkaBootstrap(), otherTestServers.getMethod("kafkaBootstrap").invoke(null));
            assertEquals(TestServers.jdbcUrl("x"), otherTestServers.getMethod("jdbcUrl", String.class).invoke(null, "x"));
        }
    }

    @Test
    void kafkaStoppedAndStartedAgainKeepsItsAddressAndRecords() throws Exception {
        String bootstrap = TestServers.kafkaBootstrap();
        assertTrue(TestServers.kafkaIsManaged());
        TestServers.createTopic("outage", 2);
        send(bootstrap, "outage", List.of("before"));
        TestServers.stopKafka();
        try {
            assertFalse(listening(bootstrap), "nothing answers while Kafka is down");
        } finally {
            TestServers.startKafka();
        }
        assertEquals(bootstrap, TestServers.kafkaBootstrap());
        send(bootstrap, "outage", List.of("after"));
        assertEquals(Set.of("before", "after"), Set.copyOf(keys(TopicReader.readAll("outage"))));
    }

    @Test
    void topicReaderReturnsEveryRecordOnceFromTheBeginning() throws Exception {
        TestServers.createTopic("every-record", 4);
        List<String> sent = List.of("e0", "e1", "e2", "e3", "e4", "e5", "e6", "e7", "e8", "e9");
        send(TestServers.kafkaBootstrap(), "every-record", sent);
        List<ConsumerRecord<String, String>> first = TopicReader.readAll("every-record");
        assertEquals(10, first.size());
        assertEquals(Set.copyOf(sent), Set.copyOf(keys(first)));
        assertEquals(keys(first), keys(TopicReader.readAll("every-record")), "each read starts from the beginning");
        Map<Integer, List<Long>> offsets = first.stream().collect(Collectors.groupingBy(ConsumerRecord::partition,
                Collectors.mapping(ConsumerRecord::offset, Collectors.toList())));
        offsets.values().forEach(o -> assertEquals(o.stream().sorted().toList(), o, "offset order within a partition"));
    }

    @Test
    void topicReaderReadsNothingFromAMissingTopicAndDoesNotCreateIt() throws Exception {
        assertEquals(List.of(), TopicReader.readAll("never-written", Duration.ofSeconds(5)));
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestServers.kafkaBootstrap()))) {
            assertFalse(admin.listTopics().names().get(30, TimeUnit.SECONDS).contains("never-written"));
        }
    }

    @Test
    void awaitRecordsReportsHowManyItFound() throws Exception {
        TestServers.createTopic("two-records", 1);
        send(TestServers.kafkaBootstrap(), "two-records", List.of("a", "b"));
        assertEquals(2, TopicReader.awaitRecords("two-records", 2, Duration.ofSeconds(10)).size());
        AssertionError e = assertThrows(AssertionError.class,
                () -> TopicReader.awaitRecords("two-records", 3, Duration.ofMillis(1500)));
        assertEquals("expected at least 3 records on two-records within 1500 ms, found 2", e.getMessage());
    }

    @Test
    void postgresqlStoppedRefusesConnectionsAndComesBackOnTheSamePortWithItsData() throws Exception {
        assertTrue(TestServers.postgresIsManaged());
        String url = TestServers.createDatabase("support_outage");
        try (Connection c = DriverManager.getConnection(url, TestServers.username(), TestServers.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS kept (v text)");
            s.execute("DELETE FROM kept");
            s.execute("INSERT INTO kept VALUES ('before the outage')");
        }
        Connection open = DriverManager.getConnection(url, TestServers.username(), TestServers.password());
        String[] statesWhileDown = new String[2];
        TestServers.withPostgresStopped(() -> {
            statesWhileDown[0] = assertThrows(java.sql.SQLException.class,
                    () -> DriverManager.getConnection(url, TestServers.username(), TestServers.password())).getSQLState();
            statesWhileDown[1] = assertThrows(java.sql.SQLException.class,
                    () -> open.createStatement().executeQuery("SELECT 1")).getSQLState();
        });
        open.close();
        assertEquals("08001", statesWhileDown[0], "a new connection is refused");
        assertTrue(statesWhileDown[1].startsWith("08") || statesWhileDown[1].startsWith("57P"),
                "an open session is ended: " + statesWhileDown[1]);
        assertEquals(url, TestServers.jdbcUrl("support_outage"));
        try (Connection c = DriverManager.getConnection(url, TestServers.username(), TestServers.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            assertTrue(rs.next());
            assertEquals("before the outage", rs.getString(1));
            assertFalse(rs.next());
        }
    }

    private static List<String> keys(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    private static boolean listening(String bootstrap) {
        String[] hostPort = bootstrap.split(":");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void send(String bootstrap, String topic, List<String> keys) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (String key : keys) {
                producer.send(new ProducerRecord<>(topic, key, "value of " + key)).get(60, TimeUnit.SECONDS);
            }
        }
    }
}
