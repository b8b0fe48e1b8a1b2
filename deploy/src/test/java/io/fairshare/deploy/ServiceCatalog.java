package io.fairshare.deploy;

import io.fairshare.contracts.Topics;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The four services as the deployment needs to know them: HTTP port, database, topics consumed and
 * produced, consumer groups and transactional ids. Read from each module's configuration files; Kafka
 * clients that are not SmallRye channels (so not in the configuration) are listed in {@link #PLAIN_CLIENTS},
 * each with the source file and text that shows it.
 */
final class ServiceCatalog {
    static final List<String> SERVICES = List.of("usage-ingest", "rights-registry", "settlement", "payout");

    /** Port and database of a service whose configuration does not say (payout's adapters are not written yet). */
    private static final Map<String, Defaults> DEFAULTS = Map.of(
            "usage-ingest", new Defaults(8081, "ingest", "fairshare.ingest"),
            "rights-registry", new Defaults(8082, "registry", "fairshare.registry"),
            "settlement", new Defaults(8083, "settlement", "fairshare.settlement"),
            "payout", new Defaults(8084, "payout", "fairshare.payout"));

    /** Kafka clients built by hand in the services' code. */
    static final List<PlainClient> PLAIN_CLIENTS = List.of(
            new PlainClient("usage-ingest", Direction.PRODUCES, Topics.USAGE_ACCEPTED, null, null,
                    "usage-ingest/src/main/java/io/fairshare/ingest/messaging/AcceptedUsagePublisher.java", "Topics.USAGE_ACCEPTED"),
            // The resolution stream: per thread, a plain consumer of accepted usage and one transactional producer for both outcomes.
            new PlainClient("rights-registry", Direction.CONSUMES, Topics.USAGE_ACCEPTED, "rights-registry-resolver", null,
                    "rights-registry/src/main/java/io/fairshare/registry/messaging/ResolutionStream.java", "GROUP = \"rights-registry-resolver\""),
            new PlainClient("rights-registry", Direction.PRODUCES, Topics.USAGE_RESOLVED, null, "rights-registry-resolver-",
                    "rights-registry/src/main/java/io/fairshare/registry/messaging/ResolutionStream.java", "new Worker(GROUP + \"-\" + config.instanceId() + \"-\" + i)"),
            new PlainClient("rights-registry", Direction.PRODUCES, Topics.USAGE_UNMATCHED, null, "rights-registry-resolver-",
                    "rights-registry/src/main/java/io/fairshare/registry/messaging/ResolutionStream.java", "resolved ? Topics.USAGE_RESOLVED : Topics.USAGE_UNMATCHED"),
            new PlainClient("rights-registry", Direction.PRODUCES, Topics.REGISTRY_CHANGES, null, null,
                    "rights-registry/src/main/java/io/fairshare/registry/application/ChangeRelay.java", "Topics#REGISTRY_CHANGES"),
            // The same relay publishes issued and revoked credentials: each outbox row names its topic.
            new PlainClient("rights-registry", Direction.PRODUCES, Topics.CREDENTIALS, null, null,
                    "rights-registry/src/main/java/io/fairshare/registry/application/ChangeRelay.java", "Topics#CREDENTIALS"),
            // Every payout instance reads all credentials from the beginning: assigned partitions, no group.
            new PlainClient("payout", Direction.CONSUMES, Topics.CREDENTIALS, null, null,
                    "payout/src/main/java/io/fairshare/payout/messaging/CredentialTopic.java", "CredentialFeed"),
            new PlainClient("settlement", Direction.CONSUMES, Topics.CREDENTIALS, null, null,
                    "settlement/src/main/java/io/fairshare/settlement/messaging/CredentialTopic.java", "CredentialFeed"),
            new PlainClient("rights-registry", Direction.CONSUMES, Topics.REGISTRY_CHANGES, "registry-index-", null,
                    "rights-registry/src/main/java/io/fairshare/registry/application/ChangeFeed.java", "\"registry-index-\""),
            new PlainClient("rights-registry", Direction.PRODUCES, Topics.USAGE_RESOLVED, null, "rights-registry-back-claims-",
                    "rights-registry/src/main/java/io/fairshare/registry/messaging/BackClaimProducer.java", "\"rights-registry-back-claims-\""),
            // payout's statement consumer is being written: the topic is known, its group not yet (the
            // KafkaUser allows groups starting with "payout"); once its configuration names it, it is checked.
            new PlainClient("payout", Direction.CONSUMES, Topics.STATEMENTS_ISSUED, null, null, null, null));

    enum Direction { CONSUMES, PRODUCES }

    record Defaults(int port, String database, String configPrefix) {
    }

    /** groupPrefix: a consumer group name or, ending in '-', the prefix of generated group names. */
    record PlainClient(String service, Direction direction, String topic, String groupPrefix, String transactionalIdPrefix,
                       String evidenceFile, String evidenceText) {
    }

    /** A consumer group reading a topic: an exact name, or a prefix when the service appends something (a UUID). */
    record Group(String name, boolean prefix, String topic) {
    }

    record Service(String name, int port, String database, String configPrefix, Set<String> consumes, Set<String> produces,
                   Set<Group> groups, Set<String> transactionalIdPrefixes) {
    }

    private ServiceCatalog() {
    }

    static List<Service> load(Path root) {
        List<Service> out = new ArrayList<>();
        for (String name : SERVICES) {
            out.add(load(root, name));
        }
        return List.copyOf(out);
    }

    static Service service(List<Service> services, String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /** Every topic named in {@link Topics}, by reflection, so that a new constant is checked at once. */
    static Set<String> contractTopics() {
        Set<String> topics = new TreeSet<>();
        for (Field f : Topics.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    topics.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }

    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic");
    private static final Pattern DB_FROM_URL = Pattern.compile("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)");

    private static Service load(Path root, String name) {
        Properties p = new Properties();
        Path resources = root.resolve(name).resolve("src/main/resources");
        // Lower ordinal first, so that application.properties wins, as in Quarkus.
        readInto(p, resources.resolve("META-INF/microprofile-config.properties"));
        readInto(p, resources.resolve("application.properties"));
        Defaults d = DEFAULTS.get(name);

        int port = p.containsKey("quarkus.http.port") ? Integer.parseInt(p.getProperty("quarkus.http.port").trim()) : d.port();
        String database = d.database();
        String url = p.getProperty("quarkus.datasource.jdbc.url");
        if (url != null) {
            Matcher m = DB_FROM_URL.matcher(url);
            if (m.find()) {
                database = m.group(1);
            }
        }
        Set<String> consumes = new TreeSet<>();
        Set<String> produces = new TreeSet<>();
        Set<Group> groups = new LinkedHashSet<>();
        Set<String> txPrefixes = new TreeSet<>();
        for (String key : new TreeSet<>(p.stringPropertyNames())) {
            Matcher m = CHANNEL.matcher(key);
            if (!m.matches()) {
                continue;
            }
            String base = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
            String topic = p.getProperty(key).trim();
            if (m.group(1).equals("incoming")) {
                consumes.add(topic);
                String group = p.getProperty(base + "group.id");
                if (group != null) {
                    groups.add(new Group(group.trim(), false, topic));
                }
            } else {
                produces.add(topic);
                String tx = p.getProperty(base + "transactional.id");
                if (tx != null) {
                    int expr = tx.indexOf("${");
                    txPrefixes.add(expr >= 0 ? tx.substring(0, expr) : tx.trim());
                }
            }
        }
        for (PlainClient c : PLAIN_CLIENTS) {
            if (!c.service().equals(name)) {
                continue;
            }
            (c.direction() == Direction.CONSUMES ? consumes : produces).add(c.topic());
            if (c.groupPrefix() != null) {
                groups.add(new Group(c.groupPrefix(), c.groupPrefix().endsWith("-"), c.topic()));
            }
            if (c.transactionalIdPrefix() != null) {
                txPrefixes.add(c.transactionalIdPrefix());
            }
        }
        return new Service(name, port, database, d.configPrefix(), Set.copyOf(consumes), Set.copyOf(produces),
                Set.copyOf(groups), Set.copyOf(txPrefixes));
    }

    private static void readInto(Properties p, Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties read = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            read.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Profile-specific keys (%test.…) do not apply to a deployment.
        read.forEach((k, v) -> {
            if (!k.toString().startsWith("%")) {
                p.put(k, v);
            }
        });
    }
}
