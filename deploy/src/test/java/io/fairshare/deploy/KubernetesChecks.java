package io.fairshare.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.fairshare.deploy.ServiceCatalog.Group;
import io.fairshare.deploy.ServiceCatalog.Service;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks of deploy/kubernetes: each manifest's shape for its kind, and the manifests against each other,
 * the services' configuration and the contracts' topics (what an apply would only reveal at run time).
 */
final class KubernetesChecks {
    /** Kind to the apiVersion these manifests are written for. */
    static final Map<String, String> API_VERSIONS = Map.ofEntries(
            Map.entry("Namespace", "v1"), Map.entry("ConfigMap", "v1"), Map.entry("Secret", "v1"), Map.entry("Service", "v1"),
            Map.entry("Deployment", "apps/v1"), Map.entry("StatefulSet", "apps/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"), Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("Kafka", "kafka.strimzi.io/v1"), Map.entry("KafkaNodePool", "kafka.strimzi.io/v1"),
            Map.entry("KafkaTopic", "kafka.strimzi.io/v1"), Map.entry("KafkaUser", "kafka.strimzi.io/v1"),
            Map.entry("Cluster", "postgresql.cnpg.io/v1"), Map.entry("Database", "postgresql.cnpg.io/v1"),
            Map.entry("ScaledObject", "keda.sh/v1alpha1"), Map.entry("TriggerAuthentication", "keda.sh/v1alpha1"),
            Map.entry("PodMonitor", "monitoring.coreos.com/v1"));
    static final Map<String, String> PROBE_PATHS = Map.of(
            "startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready", "livenessProbe", "/q/health/live");
    private static final Set<String> ACL_OPERATIONS = Set.of("Read", "Write", "Create", "Delete", "Alter", "Describe",
            "ClusterAction", "AlterConfigs", "DescribeConfigs", "IdempotentWrite", "All");
    private static final Set<String> ACL_RESOURCES = Set.of("topic", "group", "cluster", "transactionalId");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]*[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(m|Ki|Mi|Gi|Ti|k|M|G|T)?");

    /** A manifest and the file it came from (relative to deploy/kubernetes). */
    record Manifest(String file, JsonNode doc) {
        String kind() {
            return doc.path("kind").asText();
        }

        String name() {
            return doc.path("metadata").path("name").asText();
        }
    }

    /** A Secret created outside these manifests, with the keys the manifests read from it. */
    record ExternalSecret(String name, Set<String> keys) {
    }

    private final List<Manifest> manifests;
    private final Problems p = new Problems();

    private KubernetesChecks(List<Manifest> manifests) {
        this.manifests = manifests;
    }

    static List<String> check(List<Manifest> manifests, JsonNode kustomization, Set<String> files, List<Service> services,
                              Set<String> contractTopics, List<ExternalSecret> external) {
        KubernetesChecks k = new KubernetesChecks(manifests);
        k.shapes();
        k.kustomization(kustomization, files);
        k.workloads(external);
        k.strimzi(services, contractTopics);
        k.cloudNativePg(external);
        k.projectServices(services);
        k.autoscaling(services, external);
        k.selectors();
        return k.p.list();
    }

    private List<Manifest> ofKind(String kind) {
        return manifests.stream().filter(m -> m.kind().equals(kind)).toList();
    }

    private Manifest find(String kind, String name) {
        return manifests.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst().orElse(null);
    }

    private void shapes() {
        Set<String> seen = new HashSet<>();
        for (Manifest m : manifests) {
            String where = m.file();
            if (m.doc().path("apiVersion").asText().isBlank() || m.kind().isBlank() || m.name().isBlank()) {
                p.add("%s: a manifest lacks apiVersion, kind or metadata.name", where);
                continue;
            }
            String expected = API_VERSIONS.get(m.kind());
            if (expected == null) {
                p.add("%s: kind %s is not one these checks know", where, m.kind());
            } else {
                p.require(expected.equals(m.doc().path("apiVersion").asText()), "%s: %s %s has apiVersion %s, expected %s",
                        where, m.kind(), m.name(), m.doc().path("apiVersion").asText(), expected);
            }
            p.require(m.name().length() <= 253 && DNS_SUBDOMAIN.matcher(m.name()).matches(), "%s: %s name %s is not a DNS subdomain", where, m.kind(), m.name());
            p.require(seen.add(m.kind() + "/" + m.name()), "%s: %s %s is defined twice", where, m.kind(), m.name());
            if (m.kind().equals("Service")) {
                p.require(m.name().length() <= 63 && m.name().matches("[a-z]([-a-z0-9]*[a-z0-9])?"), "%s: Service name %s is not a DNS label", where, m.name());
            }
            p.require(!m.doc().path("metadata").has("namespace"), "%s: %s %s sets a namespace; the kustomization sets it", where, m.kind(), m.name());
            // Kubernetes takes only strings here: an unquoted 16 or true is refused by the API server.
            JsonNode strings = m.kind().equals("ConfigMap") ? m.doc().path("data") : m.kind().equals("Secret") ? m.doc().path("stringData") : missing();
            strings.fields().forEachRemaining(e -> p.require(e.getValue().isTextual(), "%s: %s %s key %s is not a string", where, m.kind(), m.name(), e.getKey()));
        }
    }

    private void kustomization(JsonNode kustomization, Set<String> files) {
        Set<String> listed = new TreeSet<>();
        for (JsonNode r : kustomization.path("resources")) {
            listed.add(r.asText());
            p.require(files.contains(r.asText()), "kustomization.yaml lists %s, which does not exist", r.asText());
        }
        for (String f : files) {
            p.require(listed.contains(f), "%s is not listed in kustomization.yaml", f);
        }
        p.require(!kustomization.path("namespace").asText().isBlank(), "kustomization.yaml sets no namespace");
        Set<String> images = new TreeSet<>();
        for (Manifest w : workloadManifests()) {
            for (JsonNode c : w.doc().path("spec").path("template").path("spec").path("containers")) {
                images.add(c.path("image").asText().split(":")[0]);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            p.require(images.contains(image.path("name").asText()), "kustomization.yaml retags image %s, which no container uses", image.path("name").asText());
        }
    }

    private List<Manifest> workloadManifests() {
        return manifests.stream().filter(m -> m.kind().equals("Deployment") || m.kind().equals("StatefulSet")).toList();
    }

    private void workloads(List<ExternalSecret> external) {
        for (Manifest w : workloadManifests()) {
            String where = w.kind() + " " + w.name();
            JsonNode spec = w.doc().path("spec");
            JsonNode labels = spec.path("template").path("metadata").path("labels");
            JsonNode match = spec.path("selector").path("matchLabels");
            p.require(match.isObject() && !match.isEmpty(), "%s has no selector.matchLabels", where);
            match.fields().forEachRemaining(e -> p.require(e.getValue().asText().equals(labels.path(e.getKey()).asText()),
                    "%s selects %s=%s, which its pod template does not carry", where, e.getKey(), e.getValue().asText()));
            if (w.kind().equals("StatefulSet")) {
                Manifest headless = find("Service", spec.path("serviceName").asText());
                p.require(headless != null && "None".equals(headless.doc().path("spec").path("clusterIP").asText()),
                        "%s's serviceName %s is not a headless Service", where, spec.path("serviceName").asText());
            }
            JsonNode podSpec = spec.path("template").path("spec");
            Set<String> volumes = new HashSet<>();
            for (JsonNode v : podSpec.path("volumes")) {
                volumes.add(v.path("name").asText());
                if (v.has("secret")) {
                    String secret = v.path("secret").path("secretName").asText();
                    for (JsonNode item : v.path("secret").path("items")) {
                        secretKey(where + " volume " + v.path("name").asText(), secret, item.path("key").asText(), external);
                    }
                    if (!v.path("secret").has("items")) {
                        secretKey(where + " volume " + v.path("name").asText(), secret, null, external);
                    }
                }
                if (v.has("configMap")) {
                    p.require(find("ConfigMap", v.path("configMap").path("name").asText()) != null,
                            "%s mounts ConfigMap %s, which is not defined", where, v.path("configMap").path("name").asText());
                }
            }
            JsonNode containers = podSpec.path("containers");
            p.require(containers.isArray() && !containers.isEmpty(), "%s has no containers", where);
            for (JsonNode c : containers) {
                container(where + " container " + c.path("name").asText(), c, volumes, external);
            }
        }
    }

    private void container(String where, JsonNode c, Set<String> volumes, List<ExternalSecret> external) {
        p.require(!c.path("image").asText().isBlank(), "%s has no image", where);
        Map<String, Integer> ports = new HashMap<>();
        for (JsonNode port : c.path("ports")) {
            ports.put(port.path("name").asText(), port.path("containerPort").asInt());
        }
        for (Map.Entry<String, String> probe : PROBE_PATHS.entrySet()) {
            JsonNode get = c.path(probe.getKey()).path("httpGet");
            if (get.isMissingNode()) {
                p.add("%s has no %s", where, probe.getKey());
                continue;
            }
            p.require(probe.getValue().equals(get.path("path").asText()), "%s's %s asks %s, not %s", where, probe.getKey(), get.path("path").asText(), probe.getValue());
            JsonNode port = get.path("port");
            p.require(port.isInt() ? ports.containsValue(port.asInt()) : ports.containsKey(port.asText()),
                    "%s's %s uses port %s, which the container does not declare", where, probe.getKey(), port.asText());
        }
        JsonNode res = c.path("resources");
        for (String r : List.of("cpu", "memory")) {
            String request = res.path("requests").path(r).asText();
            String limit = res.path("limits").path(r).asText();
            if (request.isBlank()) {
                p.add("%s requests no %s", where, r);
            } else if (quantity(request) == null) {
                p.add("%s requests %s %s, not a quantity", where, r, request);
            }
            if (limit.isBlank()) {
                p.add("%s has no %s limit", where, r);
            } else if (quantity(limit) == null) {
                p.add("%s limits %s to %s, not a quantity", where, r, limit);
            } else if (quantity(request) != null && quantity(request).compareTo(quantity(limit)) > 0) {
                p.add("%s requests more %s (%s) than its limit (%s)", where, r, request, limit);
            }
        }
        for (JsonNode from : c.path("envFrom")) {
            if (from.has("configMapRef")) {
                p.require(find("ConfigMap", from.path("configMapRef").path("name").asText()) != null,
                        "%s reads ConfigMap %s, which is not defined", where, from.path("configMapRef").path("name").asText());
            }
        }
        for (JsonNode env : c.path("env")) {
            p.require(!env.has("value") || env.path("value").isTextual(), "%s sets %s to a value that is not a string", where, env.path("name").asText());
            JsonNode from = env.path("valueFrom");
            if (from.has("secretKeyRef")) {
                secretKey(where + " " + env.path("name").asText(), from.path("secretKeyRef").path("name").asText(),
                        from.path("secretKeyRef").path("key").asText(), external);
            } else if (from.has("configMapKeyRef")) {
                Manifest cm = find("ConfigMap", from.path("configMapKeyRef").path("name").asText());
                p.require(cm != null && cm.doc().path("data").has(from.path("configMapKeyRef").path("key").asText()),
                        "%s %s reads a ConfigMap key that is not defined", where, env.path("name").asText());
            }
        }
        for (JsonNode mount : c.path("volumeMounts")) {
            p.require(volumes.contains(mount.path("name").asText()), "%s mounts volume %s, which the pod does not define", where, mount.path("name").asText());
        }
    }

    /** A Secret key must come from a Secret manifest, from an operator (Strimzi), or from the documented out-of-band list. */
    private void secretKey(String where, String secret, String key, List<ExternalSecret> external) {
        Manifest s = find("Secret", secret);
        if (s != null) {
            p.require(key == null || s.doc().path("stringData").has(key) || s.doc().path("data").has(key), "%s reads key %s of Secret %s, which has no such key", where, key, secret);
            return;
        }
        if (find("KafkaUser", secret) != null) {
            p.require(key == null || key.equals("password") || key.equals("sasl.jaas.config"), "%s reads key %s of KafkaUser Secret %s, which Strimzi does not write", where, key, secret);
            return;
        }
        for (Manifest kafka : ofKind("Kafka")) {
            if (secret.equals(kafka.name() + "-cluster-ca-cert")) {
                p.require(key == null || key.equals("ca.crt") || key.equals("ca.p12") || key.equals("ca.password"),
                        "%s reads key %s of %s, which Strimzi does not write", where, key, secret);
                return;
            }
        }
        for (ExternalSecret e : external) {
            if (e.name().equals(secret)) {
                p.require(key == null || e.keys().contains(key), "%s reads key %s of out-of-band Secret %s, which is not documented", where, key, secret);
                return;
            }
        }
        p.add("%s reads Secret %s, which nothing creates", where, secret);
    }

    private int brokers() {
        int brokers = 0;
        for (Manifest pool : ofKind("KafkaNodePool")) {
            for (JsonNode role : pool.doc().path("spec").path("roles")) {
                if (role.asText().equals("broker")) {
                    brokers += pool.doc().path("spec").path("replicas").asInt();
                }
            }
        }
        return brokers;
    }

    private Map<String, Manifest> topicsByName() {
        Map<String, Manifest> out = new TreeMap<>();
        for (Manifest t : ofKind("KafkaTopic")) {
            String name = t.doc().path("spec").path("topicName").asText(t.name());
            if (out.put(name, t) != null) {
                p.add("topic %s has two KafkaTopics", name);
            }
        }
        return out;
    }

    private void strimzi(List<Service> services, Set<String> contractTopics) {
        List<Manifest> clusters = ofKind("Kafka");
        p.require(clusters.size() == 1, "expected one Kafka cluster, found %d", clusters.size());
        Set<String> clusterNames = new TreeSet<>();
        clusters.forEach(c -> clusterNames.add(c.name()));
        Set<String> authTypes = new TreeSet<>();
        for (Manifest kafka : clusters) {
            Set<String> listenerNames = new HashSet<>();
            Set<Integer> listenerPorts = new HashSet<>();
            for (JsonNode l : kafka.doc().path("spec").path("kafka").path("listeners")) {
                p.require(listenerNames.add(l.path("name").asText()), "Kafka %s has two listeners named %s", kafka.name(), l.path("name").asText());
                p.require(listenerPorts.add(l.path("port").asInt()), "Kafka %s has two listeners on port %d", kafka.name(), l.path("port").asInt());
                authTypes.add(l.path("authentication").path("type").asText("none"));
            }
            p.require(!listenerNames.isEmpty(), "Kafka %s has no listeners", kafka.name());
        }
        Set<String> roles = new TreeSet<>();
        for (Manifest pool : ofKind("KafkaNodePool")) {
            p.require(clusterNames.contains(pool.doc().path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                    "KafkaNodePool %s belongs to no Kafka cluster", pool.name());
            p.require(pool.doc().path("spec").path("replicas").asInt() > 0, "KafkaNodePool %s has no replicas", pool.name());
            p.require(pool.doc().path("spec").has("storage"), "KafkaNodePool %s has no storage", pool.name());
            for (JsonNode role : pool.doc().path("spec").path("roles")) {
                p.require(role.asText().equals("broker") || role.asText().equals("controller"), "KafkaNodePool %s has unknown role %s", pool.name(), role.asText());
                roles.add(role.asText());
            }
        }
        p.require(roles.contains("controller") && roles.contains("broker"), "the node pools do not provide both KRaft controllers and brokers");
        int brokers = brokers();

        Map<String, Manifest> topics = topicsByName();
        for (String topic : contractTopics) {
            p.require(topics.containsKey(topic), "no KafkaTopic for %s", topic);
        }
        for (Map.Entry<String, Manifest> t : topics.entrySet()) {
            JsonNode spec = t.getValue().doc().path("spec");
            p.require(contractTopics.contains(t.getKey()), "KafkaTopic %s is not a topic of io.fairshare.contracts.Topics", t.getKey());
            p.require(clusterNames.contains(t.getValue().doc().path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                    "KafkaTopic %s belongs to no Kafka cluster", t.getKey());
            int replicas = spec.path("replicas").asInt();
            p.require(spec.path("partitions").asInt() >= 1, "KafkaTopic %s has no partitions", t.getKey());
            p.require(replicas >= 1 && replicas <= brokers, "KafkaTopic %s has %d replicas for %d brokers", t.getKey(), replicas, brokers);
            JsonNode isr = spec.path("config").path("min.insync.replicas");
            p.require(isr.isMissingNode() || isr.asInt() < replicas, "KafkaTopic %s needs %d in-sync replicas of %d: one broker down stops writes",
                    t.getKey(), isr.asInt(), replicas);
            JsonNode retention = spec.path("config").path("retention.ms");
            p.require(retention.isMissingNode() || retention.canConvertToLong(), "KafkaTopic %s has a retention.ms that is not a number", t.getKey());
        }

        boolean authorization = clusters.stream().anyMatch(c -> c.doc().path("spec").path("kafka").path("authorization").path("type").asText().equals("simple"));
        for (Manifest user : ofKind("KafkaUser")) {
            p.require(clusterNames.contains(user.doc().path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                    "KafkaUser %s belongs to no Kafka cluster", user.name());
            String auth = user.doc().path("spec").path("authentication").path("type").asText();
            p.require(authTypes.contains(auth), "KafkaUser %s authenticates with %s, which no listener accepts", user.name(), auth);
            JsonNode acls = user.doc().path("spec").path("authorization").path("acls");
            p.require(acls.isEmpty() || authorization, "KafkaUser %s has ACLs but the cluster has no simple authorization", user.name());
            for (JsonNode acl : acls) {
                String type = acl.path("resource").path("type").asText();
                String name = acl.path("resource").path("name").asText();
                String pattern = acl.path("resource").path("patternType").asText("literal");
                p.require(ACL_RESOURCES.contains(type), "KafkaUser %s has an ACL on unknown resource type %s", user.name(), type);
                p.require(pattern.equals("literal") || pattern.equals("prefix"), "KafkaUser %s has an ACL with pattern %s", user.name(), pattern);
                p.require(acl.path("operations").isArray() && !acl.path("operations").isEmpty(), "KafkaUser %s has an ACL without operations", user.name());
                for (JsonNode op : acl.path("operations")) {
                    p.require(ACL_OPERATIONS.contains(op.asText()), "KafkaUser %s has an ACL with unknown operation %s", user.name(), op.asText());
                }
                if (type.equals("topic") && !name.equals("*")) {
                    boolean exists = pattern.equals("literal") ? topics.containsKey(name) : topics.keySet().stream().anyMatch(t -> t.startsWith(name));
                    p.require(exists, "KafkaUser %s has an ACL on topic %s%s, which matches no KafkaTopic", user.name(), name, pattern.equals("prefix") ? "*" : "");
                }
                if (!type.equals("cluster")) {
                    p.require(!name.isBlank(), "KafkaUser %s has an ACL on a %s without a name", user.name(), type);
                }
            }
        }
        for (Service svc : services) {
            Manifest user = find("KafkaUser", svc.name());
            if (user == null) {
                p.add("service %s has no KafkaUser", svc.name());
                continue;
            }
            for (String topic : svc.consumes()) {
                p.require(allows(user, "topic", topic, "Read"), "KafkaUser %s may not Read %s, which %s consumes", svc.name(), topic, svc.name());
            }
            for (String topic : svc.produces()) {
                p.require(allows(user, "topic", topic, "Write"), "KafkaUser %s may not Write %s, which %s produces", svc.name(), topic, svc.name());
            }
            for (Group g : svc.groups()) {
                p.require(allowsGroup(user, g), "KafkaUser %s may not Read group %s%s", svc.name(), g.name(), g.prefix() ? "*" : "");
            }
            for (String tx : svc.transactionalIdPrefixes()) {
                p.require(allowsPrefix(user, "transactionalId", tx, "Write"), "KafkaUser %s may not use transactional ids %s*", svc.name(), tx);
            }
        }
    }

    /** Whether an ACL of the user allows the operation on the named resource (literal equality or prefix match). */
    static boolean allows(Manifest user, String type, String name, String operation) {
        return acl(user, type, operation, (aclName, prefix) -> prefix ? name.startsWith(aclName) : (aclName.equals(name) || aclName.equals("*")));
    }

    /** For a resource whose names the service generates from a prefix: only a prefix ACL covering it will do. */
    static boolean allowsPrefix(Manifest user, String type, String namePrefix, String operation) {
        return acl(user, type, operation, (aclName, prefix) -> (prefix && namePrefix.startsWith(aclName)) || aclName.equals("*"));
    }

    private static boolean allowsGroup(Manifest user, Group g) {
        return g.prefix() ? allowsPrefix(user, "group", g.name(), "Read") : allows(user, "group", g.name(), "Read");
    }

    private interface NameMatch {
        boolean test(String aclName, boolean prefix);
    }

    private static boolean acl(Manifest user, String type, String operation, NameMatch match) {
        for (JsonNode acl : user.doc().path("spec").path("authorization").path("acls")) {
            JsonNode r = acl.path("resource");
            if (!r.path("type").asText().equals(type)) {
                continue;
            }
            boolean prefix = r.path("patternType").asText("literal").equals("prefix");
            if (!match.test(r.path("name").asText(), prefix)) {
                continue;
            }
            for (JsonNode op : acl.path("operations")) {
                if (op.asText().equals(operation) || op.asText().equals("All")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void cloudNativePg(List<ExternalSecret> external) {
        List<Manifest> clusters = ofKind("Cluster");
        p.require(clusters.size() == 1, "expected one CloudNativePG Cluster, found %d", clusters.size());
        Map<String, Set<String>> rolesByCluster = new HashMap<>();
        for (Manifest c : clusters) {
            JsonNode spec = c.doc().path("spec");
            p.require(spec.path("instances").asInt() >= 1, "Cluster %s has no instances", c.name());
            p.require(quantity(spec.path("storage").path("size").asText()) != null, "Cluster %s has no storage size", c.name());
            Set<String> roles = new TreeSet<>();
            for (JsonNode role : spec.path("managed").path("roles")) {
                p.require(roles.add(role.path("name").asText()), "Cluster %s manages role %s twice", c.name(), role.path("name").asText());
                p.require(role.path("login").asBoolean(), "Cluster %s's role %s cannot log in", c.name(), role.path("name").asText());
                String secret = role.path("passwordSecret").path("name").asText();
                if (secret.isBlank()) {
                    p.add("Cluster %s's role %s has no password Secret", c.name(), role.path("name").asText());
                } else {
                    secretKey("Cluster " + c.name() + " role " + role.path("name").asText(), secret, "password", external);
                    secretKey("Cluster " + c.name() + " role " + role.path("name").asText(), secret, "username", external);
                }
            }
            rolesByCluster.put(c.name(), roles);
        }
        Set<String> names = new HashSet<>();
        for (Manifest db : ofKind("Database")) {
            JsonNode spec = db.doc().path("spec");
            Set<String> roles = rolesByCluster.get(spec.path("cluster").path("name").asText());
            if (roles == null) {
                p.add("Database %s belongs to no Cluster", db.name());
                continue;
            }
            p.require(names.add(spec.path("name").asText()), "database %s is declared twice", spec.path("name").asText());
            p.require(roles.contains(spec.path("owner").asText()), "database %s is owned by %s, which the Cluster does not manage",
                    spec.path("name").asText(), spec.path("owner").asText());
        }
    }

    /** The container's environment: ConfigMaps first, then env (which wins), with where each value comes from. */
    private Map<String, JsonNode> environment(JsonNode container) {
        Map<String, JsonNode> env = new LinkedHashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            Manifest cm = find("ConfigMap", from.path("configMapRef").path("name").asText());
            if (cm != null) {
                cm.doc().path("data").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue()));
            }
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.has("value") ? e.path("value") : e.path("valueFrom"));
        }
        return env;
    }

    private void projectServices(List<Service> services) {
        Manifest kafka = ofKind("Kafka").stream().findFirst().orElse(null);
        Manifest pg = ofKind("Cluster").stream().findFirst().orElse(null);
        for (Service svc : services) {
            Manifest w = find("Deployment", svc.name());
            w = w != null ? w : find("StatefulSet", svc.name());
            if (w == null) {
                p.add("service %s has no Deployment or StatefulSet", svc.name());
                continue;
            }
            JsonNode container = w.doc().path("spec").path("template").path("spec").path("containers").path(0);
            boolean port = false;
            for (JsonNode cp : container.path("ports")) {
                port |= cp.path("containerPort").asInt() == svc.port();
            }
            p.require(port, "%s's container does not declare its port %d", svc.name(), svc.port());
            Manifest service = find("Service", svc.name());
            p.require(service != null && matches(service.doc().path("spec").path("selector"), w),
                    "service %s has no Service selecting its pods", svc.name());
            Map<String, JsonNode> env = environment(container);
            if (kafka != null) {
                Set<String> bootstraps = new TreeSet<>();
                for (JsonNode l : kafka.doc().path("spec").path("kafka").path("listeners")) {
                    bootstraps.add(kafka.name() + "-kafka-bootstrap:" + l.path("port").asInt());
                }
                String bootstrap = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", missing()).asText();
                p.require(bootstraps.contains(bootstrap), "%s's KAFKA_BOOTSTRAP_SERVERS %s is not a listener of Kafka %s", svc.name(), bootstrap, kafka.name());
                JsonNode jaas = env.getOrDefault("KAFKA_SASL_JAAS_CONFIG", missing()).path("secretKeyRef");
                p.require(jaas.path("name").asText().equals(svc.name()) && jaas.path("key").asText().equals("sasl.jaas.config"),
                        "%s does not log in to Kafka as its KafkaUser %s", svc.name(), svc.name());
                String truststore = env.getOrDefault("KAFKA_SSL_TRUSTSTORE_LOCATION", missing()).asText();
                boolean mounted = false;
                for (JsonNode m : container.path("volumeMounts")) {
                    mounted |= !truststore.isBlank() && truststore.startsWith(m.path("mountPath").asText() + "/");
                }
                p.require(mounted, "%s's truststore %s is not in a mounted volume", svc.name(), truststore);
            }
            if (pg != null) {
                String url = env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", missing()).asText();
                if (!url.startsWith("jdbc:postgresql://")) {
                    p.add("%s has no QUARKUS_DATASOURCE_JDBC_URL", svc.name());
                    continue;
                }
                URI uri = URI.create(url.substring("jdbc:".length()));
                String database = uri.getPath().substring(1);
                p.require(uri.getHost().equals(pg.name() + "-rw"), "%s connects to %s, not the primary of Cluster %s (%s-rw)", svc.name(), uri.getHost(), pg.name(), pg.name());
                p.require(database.equals(svc.database()), "%s connects to database %s, not its own (%s)", svc.name(), database, svc.database());
                Manifest db = ofKind("Database").stream().filter(d -> d.doc().path("spec").path("name").asText().equals(database)).findFirst().orElse(null);
                if (db == null) {
                    p.add("%s's database %s has no Database", svc.name(), database);
                    continue;
                }
                String owner = db.doc().path("spec").path("owner").asText();
                String userSecret = env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", missing()).path("secretKeyRef").path("name").asText();
                boolean ownersSecret = false;
                for (JsonNode role : pg.doc().path("spec").path("managed").path("roles")) {
                    ownersSecret |= role.path("name").asText().equals(owner) && role.path("passwordSecret").path("name").asText().equals(userSecret);
                }
                p.require(ownersSecret, "%s does not log in as %s, the owner of database %s", svc.name(), owner, database);
            }
        }
    }

    private static JsonNode missing() {
        return MissingNode.getInstance();
    }

    private void autoscaling(List<Service> services, List<ExternalSecret> external) {
        Map<String, Manifest> topics = topicsByName();
        Set<String> scaled = new TreeSet<>();
        for (Manifest so : ofKind("ScaledObject")) {
            JsonNode spec = so.doc().path("spec");
            String kind = spec.path("scaleTargetRef").path("kind").asText("Deployment");
            String target = spec.path("scaleTargetRef").path("name").asText();
            if (find(kind, target) == null) {
                p.add("ScaledObject %s scales %s %s, which is not defined", so.name(), kind, target);
                continue;
            }
            scaled.add(kind + "/" + target);
            int min = spec.path("minReplicaCount").asInt(0);
            int max = spec.path("maxReplicaCount").asInt(100);
            p.require(min <= max, "ScaledObject %s has minReplicaCount %d above maxReplicaCount %d", so.name(), min, max);
            Service svc = services.stream().filter(s -> s.name().equals(target)).findFirst().orElse(null);
            for (JsonNode trigger : spec.path("triggers")) {
                if (!trigger.path("type").asText().equals("kafka")) {
                    continue;
                }
                JsonNode md = trigger.path("metadata");
                String topic = md.path("topic").asText();
                String group = md.path("consumerGroup").asText();
                Manifest t = topics.get(topic);
                if (t == null) {
                    p.add("ScaledObject %s watches topic %s, which has no KafkaTopic", so.name(), topic);
                } else {
                    int partitions = t.doc().path("spec").path("partitions").asInt();
                    p.require(max <= partitions, "ScaledObject %s allows %d replicas, but %s has %d partitions", so.name(), max, topic, partitions);
                }
                p.require(svc != null && svc.groups().stream().anyMatch(g -> !g.prefix() && g.name().equals(group) && g.topic().equals(topic)),
                        "ScaledObject %s watches group %s on %s, which %s does not consume with", so.name(), group, topic, target);
                p.require(md.path("lagThreshold").asText().matches("[1-9][0-9]*"), "ScaledObject %s has no positive lagThreshold", so.name());
                String bootstrap = md.path("bootstrapServers").asText();
                p.require(ofKind("Kafka").stream().anyMatch(k -> bootstrap.startsWith(k.name() + "-kafka-bootstrap:")),
                        "ScaledObject %s reads lag from %s, which is no Kafka bootstrap", so.name(), bootstrap);
                Manifest auth = find("TriggerAuthentication", trigger.path("authenticationRef").path("name").asText());
                if (auth == null) {
                    p.add("ScaledObject %s has no TriggerAuthentication %s", so.name(), trigger.path("authenticationRef").path("name").asText());
                    continue;
                }
                String username = null;
                for (JsonNode ref : auth.doc().path("spec").path("secretTargetRef")) {
                    secretKey("TriggerAuthentication " + auth.name(), ref.path("name").asText(), ref.path("key").asText(), external);
                    if (ref.path("parameter").asText().equals("username")) {
                        Manifest secret = find("Secret", ref.path("name").asText());
                        username = secret == null ? null : secret.doc().path("stringData").path(ref.path("key").asText()).asText(null);
                    }
                }
                Manifest user = username == null ? null : find("KafkaUser", username);
                p.require(user != null, "TriggerAuthentication %s logs in as %s, which is no KafkaUser", auth.name(), username);
                if (user != null) {
                    p.require(allows(user, "topic", topic, "Describe") && allows(user, "group", group, "Describe"),
                            "KafkaUser %s may not Describe %s and group %s for ScaledObject %s", username, topic, group, so.name());
                }
            }
        }
        for (Manifest hpa : ofKind("HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.doc().path("spec").path("scaleTargetRef");
            p.require(find(ref.path("kind").asText(), ref.path("name").asText()) != null, "HorizontalPodAutoscaler %s scales %s, which is not defined", hpa.name(), ref.path("name").asText());
            p.require(!scaled.contains(ref.path("kind").asText() + "/" + ref.path("name").asText()),
                    "%s %s is scaled by both a ScaledObject and HorizontalPodAutoscaler %s", ref.path("kind").asText(), ref.path("name").asText(), hpa.name());
            p.require(hpa.doc().path("spec").path("minReplicas").asInt(1) <= hpa.doc().path("spec").path("maxReplicas").asInt(),
                    "HorizontalPodAutoscaler %s has minReplicas above maxReplicas", hpa.name());
        }
    }

    private boolean matches(JsonNode selector, Manifest workload) {
        if (!selector.isObject() || selector.isEmpty()) {
            return false;
        }
        JsonNode labels = workload.doc().path("spec").path("template").path("metadata").path("labels");
        Predicate<Map.Entry<String, JsonNode>> carried = e -> e.getValue().asText().equals(labels.path(e.getKey()).asText());
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        selector.fields().forEachRemaining(entries::add);
        return entries.stream().allMatch(carried);
    }

    private void selectors() {
        for (Manifest s : ofKind("Service")) {
            JsonNode selector = s.doc().path("spec").path("selector");
            List<Manifest> selected = workloadManifests().stream().filter(w -> matches(selector, w)).toList();
            p.require(!selected.isEmpty(), "Service %s selects no pods", s.name());
            for (JsonNode port : s.doc().path("spec").path("ports")) {
                JsonNode target = port.path("targetPort");
                for (Manifest w : selected) {
                    boolean found = false;
                    for (JsonNode c : w.doc().path("spec").path("template").path("spec").path("containers")) {
                        for (JsonNode cp : c.path("ports")) {
                            found |= target.isInt() ? cp.path("containerPort").asInt() == target.asInt() : cp.path("name").asText().equals(target.asText());
                        }
                    }
                    p.require(found, "Service %s sends port %s to %s, whose containers do not declare it", s.name(), target.asText(), w.name());
                }
            }
        }
        for (Manifest pdb : ofKind("PodDisruptionBudget")) {
            JsonNode selector = pdb.doc().path("spec").path("selector").path("matchLabels");
            p.require(workloadManifests().stream().anyMatch(w -> matches(selector, w)), "PodDisruptionBudget %s selects no pods", pdb.name());
        }
        for (Manifest pm : ofKind("PodMonitor")) {
            JsonNode selector = pm.doc().path("spec").path("selector").path("matchLabels");
            List<Manifest> selected = workloadManifests().stream().filter(w -> matches(selector, w)).toList();
            p.require(!selected.isEmpty(), "PodMonitor %s selects no pods", pm.name());
            for (JsonNode ep : pm.doc().path("spec").path("podMetricsEndpoints")) {
                p.require("/q/metrics".equals(ep.path("path").asText()), "PodMonitor %s scrapes %s, not /q/metrics", pm.name(), ep.path("path").asText());
                for (Manifest w : selected) {
                    boolean found = false;
                    for (JsonNode c : w.doc().path("spec").path("template").path("spec").path("containers")) {
                        for (JsonNode cp : c.path("ports")) {
                            found |= cp.path("name").asText().equals(ep.path("port").asText());
                        }
                    }
                    p.require(found, "PodMonitor %s scrapes port %s, which %s does not declare", pm.name(), ep.path("port").asText(), w.name());
                }
            }
        }
    }

    /** A Kubernetes quantity in base units (cores or bytes), or null if it is not one. */
    static BigDecimal quantity(String text) {
        Matcher m = QUANTITY.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        BigDecimal v = new BigDecimal(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        return switch (suffix) {
            case "m" -> v.movePointLeft(3);
            case "k" -> v.movePointRight(3);
            case "M" -> v.movePointRight(6);
            case "G" -> v.movePointRight(9);
            case "T" -> v.movePointRight(12);
            case "Ki" -> v.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> v.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> v.multiply(BigDecimal.valueOf(1L << 30));
            case "Ti" -> v.multiply(BigDecimal.valueOf(1L << 40));
            default -> v;
        };
    }
}
