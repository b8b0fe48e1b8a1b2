package io.fairshare.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.deploy.ServiceCatalog.Service;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks of deploy/compose: the compose file against itself, the services, the topics and its scripts. */
final class ComposeChecks {
    static final int MIN_PARTITIONS = 4;
    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");
    private static final Pattern CREATE_TOPIC = Pattern.compile("(?m)^create\\s+(\\S+)\\s+(\\d+)\\b");
    private static final Pattern CREATE_ROLE = Pattern.compile("(?im)^CREATE ROLE\\s+(\\w+)\\s+LOGIN\\b");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?im)^CREATE DATABASE\\s+(\\w+)\\s+OWNER\\s+(\\w+)\\s*;");

    /** The inputs: the parsed compose file, its directory (for relative paths) and the texts of its scripts. */
    record Stack(JsonNode compose, Path dir, String topicScript, String initSql) {
    }

    private ComposeChecks() {
    }

    static List<String> check(Stack stack, List<Service> services, Set<String> contractTopics) {
        Problems p = new Problems();
        JsonNode all = stack.compose().path("services");
        if (!all.isObject() || all.isEmpty()) {
            p.add("the compose file defines no services");
            return p.list();
        }
        Map<String, String> portOwner = new LinkedHashMap<>();
        all.fields().forEachRemaining(e -> {
            String name = e.getKey();
            JsonNode s = e.getValue();
            p.require(s.has("image") || s.has("build"), "service %s has neither image nor build", name);
            for (Map.Entry<String, String> dep : dependsOn(s).entrySet()) {
                JsonNode target = all.path(dep.getKey());
                if (target.isMissingNode()) {
                    p.add("service %s depends on undefined service %s", name, dep.getKey());
                    continue;
                }
                p.require(CONDITIONS.contains(dep.getValue()), "service %s waits for %s with unknown condition %s", name, dep.getKey(), dep.getValue());
                if (dep.getValue().equals("service_healthy")) {
                    p.require(target.has("healthcheck"), "service %s waits for %s to be healthy, but %s has no healthcheck", name, dep.getKey(), dep.getKey());
                }
                if (dep.getValue().equals("service_completed_successfully")) {
                    p.require(target.path("restart").asText("no").equals("no"),
                            "service %s waits for %s to complete, but %s restarts", name, dep.getKey(), dep.getKey());
                }
            }
            for (JsonNode port : s.path("ports")) {
                String published = publishedPort(port);
                if (published != null) {
                    String previous = portOwner.putIfAbsent(published, name);
                    if (previous != null) {
                        p.add("host port %s is published by both %s and %s", published, previous, name);
                    }
                }
            }
            for (JsonNode volume : s.path("volumes")) {
                String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
                if (source.startsWith(".") || source.startsWith("/")) {
                    p.require(Files.exists(stack.dir().resolve(source).normalize()), "service %s mounts %s, which does not exist", name, source);
                } else if (!source.isEmpty()) {
                    p.require(stack.compose().path("volumes").has(source), "service %s uses volume %s, which is not declared", name, source);
                }
            }
        });

        Set<String> createdDatabases = new TreeSet<>();
        Map<String, String> owners = new TreeMap<>();
        Set<String> roles = new TreeSet<>();
        Matcher role = CREATE_ROLE.matcher(stack.initSql());
        while (role.find()) {
            roles.add(role.group(1));
        }
        Matcher db = CREATE_DATABASE.matcher(stack.initSql());
        while (db.find()) {
            createdDatabases.add(db.group(1));
            owners.put(db.group(1), db.group(2));
            p.require(roles.contains(db.group(2)), "database %s is owned by %s, a role the init script does not create", db.group(1), db.group(2));
        }

        for (Service svc : services) {
            JsonNode s = all.path(svc.name());
            if (s.isMissingNode()) {
                p.add("project service %s is not defined", svc.name());
                continue;
            }
            String health = s.path("healthcheck").path("test").toString();
            if (!s.has("healthcheck")) {
                p.add("service %s has no healthcheck", svc.name());
            } else {
                p.require(health.contains("http://localhost:" + svc.port() + "/q/health/ready"),
                        "service %s's healthcheck does not ask http://localhost:%d/q/health/ready", svc.name(), svc.port());
            }
            boolean publishes = false;
            for (JsonNode port : s.path("ports")) {
                publishes |= (svc.port() + ":" + svc.port()).equals(port.asText()) || String.valueOf(svc.port()).equals(port.path("target").asText());
            }
            p.require(publishes, "service %s does not publish its port %d", svc.name(), svc.port());
            checkBuild(p, stack, svc, s.path("build"));
            Map<String, String> env = environment(s);
            String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "");
            String kafkaHost = bootstrap.split(":")[0];
            p.require(!bootstrap.isEmpty() && all.has(kafkaHost), "service %s's KAFKA_BOOTSTRAP_SERVERS (%s) names no compose service", svc.name(), bootstrap);
            String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", "");
            if (!url.startsWith("jdbc:postgresql://")) {
                p.add("service %s has no QUARKUS_DATASOURCE_JDBC_URL", svc.name());
            } else {
                URI uri = URI.create(url.substring("jdbc:".length()));
                String database = uri.getPath().substring(1);
                p.require(all.has(uri.getHost()), "service %s's database host %s is not a compose service", svc.name(), uri.getHost());
                p.require(database.equals(svc.database()), "service %s connects to database %s, not its own (%s)", svc.name(), database, svc.database());
                p.require(createdDatabases.contains(database), "service %s's database %s is not created by the init script", svc.name(), database);
                String user = env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "");
                p.require(user.equals(owners.get(database)), "service %s connects as %s, but database %s is owned by %s",
                        svc.name(), user, database, owners.get(database));
                p.require("service_healthy".equals(dependsOn(s).get(uri.getHost())), "service %s does not wait for %s to be healthy", svc.name(), uri.getHost());
            }
            boolean waitsForTopics = dependsOn(s).entrySet().stream().anyMatch(d -> d.getValue().equals("service_completed_successfully")
                    && mounts(all.path(d.getKey()), "./kafka/create-topics.sh"));
            p.require(waitsForTopics, "service %s does not wait for the topic creation to complete", svc.name());
        }

        boolean topicsMounted = false;
        for (JsonNode s : all) {
            topicsMounted |= mounts(s, "./kafka/create-topics.sh");
        }
        p.require(topicsMounted, "no service runs kafka/create-topics.sh");
        Map<String, Integer> created = new TreeMap<>();
        Matcher t = CREATE_TOPIC.matcher(stack.topicScript());
        while (t.find()) {
            created.put(t.group(1), Integer.parseInt(t.group(2)));
        }
        for (String topic : contractTopics) {
            Integer partitions = created.get(topic);
            if (partitions == null) {
                p.add("topic %s is not created by create-topics.sh", topic);
            } else if (partitions < MIN_PARTITIONS) {
                p.add("topic %s has %d partitions, fewer than %d", topic, partitions, MIN_PARTITIONS);
            }
        }
        created.keySet().stream().filter(x -> !contractTopics.contains(x))
                .forEach(x -> p.add("create-topics.sh creates %s, which io.fairshare.contracts.Topics does not name", x));

        JsonNode kafka = all.path("kafka");
        p.require(kafka.path("image").asText().startsWith("apache/kafka:4."), "the kafka service is not an apache/kafka 4.x image");
        p.require(environment(kafka).getOrDefault("KAFKA_PROCESS_ROLES", "").contains("controller"), "the kafka service does not run a KRaft controller");
        JsonNode postgres = all.path("postgres");
        p.require(postgres.path("image").asText().equals("postgres:15"), "the postgres service is not postgres:15");
        boolean initMounted = false;
        for (JsonNode v : postgres.path("volumes")) {
            initMounted |= v.asText().startsWith("./postgres/init-databases.sql:/docker-entrypoint-initdb.d/");
        }
        p.require(initMounted, "the postgres service does not run postgres/init-databases.sql at initialisation");
        return p.list();
    }

    private static void checkBuild(Problems p, Stack stack, Service svc, JsonNode build) {
        if (!build.isObject()) {
            p.add("service %s is not built from its module", svc.name());
            return;
        }
        Path context = stack.dir().resolve(build.path("context").asText()).normalize();
        p.require(context.getFileName() != null && context.getFileName().toString().equals(svc.name()) && Files.isRegularFile(context.resolve("pom.xml")),
                "service %s is built from %s, not from its module directory", svc.name(), build.path("context").asText());
        Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile")).normalize();
        p.require(Files.isRegularFile(dockerfile), "service %s's Dockerfile %s does not exist", svc.name(), dockerfile);
    }

    /** depends_on in either form: a list of names (condition service_started) or a map with conditions. */
    static Map<String, String> dependsOn(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode d = service.path("depends_on");
        if (d.isArray()) {
            d.forEach(n -> out.put(n.asText(), "service_started"));
        } else if (d.isObject()) {
            d.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().path("condition").asText("service_started")));
        }
        return out;
    }

    /** environment in either form: a map, or a list of NAME=value. */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode env = service.path("environment");
        if (env.isObject()) {
            env.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        } else if (env.isArray()) {
            for (JsonNode n : env) {
                String[] kv = n.asText().split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return out;
    }

    private static boolean mounts(JsonNode service, String source) {
        for (JsonNode v : service.path("volumes")) {
            if (v.asText().startsWith(source + ":") || source.equals(v.path("source").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The host side of a port mapping ("8081:8081", "127.0.0.1:8081:8081", or the long form), or null. */
    private static String publishedPort(JsonNode port) {
        if (port.isObject()) {
            return port.has("published") ? port.path("published").asText() : null;
        }
        List<String> parts = new ArrayList<>(List.of(port.asText().split(":")));
        if (parts.size() < 2) {
            return null;
        }
        return parts.get(parts.size() - 2);
    }
}
