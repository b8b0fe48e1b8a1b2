package io.fairshare.stack;

import io.fairshare.servers.Locations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The stack's command line.
 *
 * @param projectRoot    the checkout (for the services' jars); found like the Kafka jars when not given
 * @param home           the stack's directory: servers' data (deleted at exit) and logs; default {@code <root>/.fairshare}
 * @param services       the services to start, in pipeline order; empty with {@code --no-services}
 * @param exitAfterReady stop again once everything is ready (a smoke test)
 * @param readyTimeout   how long each service may take to report ready
 * @param portBase       the first service's HTTP port, the others following in pipeline order; 0 picks free ports
 * @param demo           after start-up, load {@code seeds/} and run the demo workload (see {@code Demo})
 * @param demoEvents     how many usage events the demo streams
 */
public record StackOptions(Path projectRoot, Path home, List<ServiceSpec> services, boolean exitAfterReady,
                           Duration readyTimeout, int portBase, boolean demo, long demoEvents) {

    /** The default first port: usage-ingest 8081, rights-registry 8082, settlement 8083, payout 8084. */
    public static final int DEFAULT_PORT_BASE = 8081;
    /** The demo's workload, as the pipeline issue asks: a million events. */
    public static final long DEFAULT_DEMO_EVENTS = 1_000_000;

    public static final String USAGE = String.join("\n",
            "usage: fairshare up [options]",
            "  Starts Kafka and PostgreSQL (or uses KAFKA_BOOTSTRAP_SERVERS / FAIRSHARE_JDBC_URL), creates the",
            "  databases and topics, starts each service whose jar is built, and waits for Ctrl-C.",
            "options:",
            "  --no-services          only Kafka and PostgreSQL",
            "  --services a,b         only these services (usage-ingest, rights-registry, settlement, payout)",
            "  --exit-after-ready     start everything, check its health, print where it is, then stop",
            "  --ready-timeout SEC    how long a service may take to become ready (default 120)",
            "  --home DIR             the stack's directory (default <checkout>/.fairshare)",
            "  --port-base N          first service port, the others follow (default 8081; 0 picks free ports)",
            "  --demo                 load seeds/, stream the demo workload, close the period, run a payout, summarise",
            "  --demo-events N        events the demo streams (default 1000000)",
            "  --root DIR             the checkout (default: found from the working directory)",
            "  --help                 this text");

    /** Parses the arguments. {@code --help} gives a UsageException whose message is {@link #USAGE}. */
    public static StackOptions parse(String... args) throws UsageException {
        Path root = null;
        Path home = null;
        boolean noServices = false;
        Set<String> chosen = null;
        boolean exitAfterReady = false;
        Duration readyTimeout = Duration.ofSeconds(120);
        int portBase = DEFAULT_PORT_BASE;
        boolean demo = false;
        long demoEvents = DEFAULT_DEMO_EVENTS;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--no-services" -> noServices = true;
                case "--exit-after-ready" -> exitAfterReady = true;
                case "--services" -> chosen = serviceNames(value(args, ++i, a));
                case "--ready-timeout" -> readyTimeout = seconds(value(args, ++i, a));
                case "--home" -> home = Path.of(value(args, ++i, a));
                case "--root" -> root = Path.of(value(args, ++i, a));
                case "--port-base" -> portBase = (int) number(value(args, ++i, a), a, 0, 65535 - ServiceSpec.ALL.size());
                case "--demo" -> demo = true;
                case "--demo-events" -> demoEvents = number(value(args, ++i, a), a, 1, Long.MAX_VALUE);
                case "--help", "-h" -> throw new UsageException(USAGE);
                default -> throw new UsageException("unknown option '" + a + "'\n" + USAGE);
            }
        }
        if (demo && (noServices || chosen != null)) {
            throw new UsageException("--demo needs all four services; leave out --no-services and --services");
        }
        if (noServices && chosen != null) {
            throw new UsageException("--no-services and --services exclude each other");
        }
        Path projectRoot = root != null ? root.toAbsolutePath().normalize()
                : Locations.projectRoot().orElseThrow(() -> new UsageException("cannot find the Fairshare checkout from "
                        + Path.of("").toAbsolutePath() + "; run from inside it or pass --root DIR"));
        Path stackHome = home != null ? home.toAbsolutePath().normalize() : projectRoot.resolve(".fairshare");
        List<ServiceSpec> services = new ArrayList<>();
        if (!noServices) {
            for (ServiceSpec s : ServiceSpec.ALL) {
                if (chosen == null || chosen.contains(s.name())) {
                    services.add(portBase == 0 ? s.withPort(0) : s.withPort(portBase + ServiceSpec.ALL.indexOf(s)));
                }
            }
        }
        return new StackOptions(projectRoot, stackHome, List.copyOf(services), exitAfterReady, readyTimeout, portBase, demo,
                demoEvents);
    }

    private static String value(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static Set<String> serviceNames(String list) throws UsageException {
        Set<String> names = new LinkedHashSet<>();
        List<String> known = ServiceSpec.ALL.stream().map(ServiceSpec::name).toList();
        for (String n : list.split(",")) {
            String name = n.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!known.contains(name)) {
                throw new UsageException("unknown service '" + name + "'; the services are " + String.join(", ", known));
            }
            names.add(name);
        }
        if (names.isEmpty()) {
            throw new UsageException("--services needs at least one service name");
        }
        return names;
    }

    private static long number(String s, String option, long min, long max) throws UsageException {
        try {
            long n = Long.parseLong(s.replace("_", ""));
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(option + " needs a whole number from " + min + " to " + max + ", not '" + s + "'");
        }
    }

    private static Duration seconds(String s) throws UsageException {
        try {
            long n = Long.parseLong(s);
            if (n <= 0) {
                throw new NumberFormatException();
            }
            return Duration.ofSeconds(n);
        } catch (NumberFormatException e) {
            throw new UsageException("--ready-timeout needs a positive number of seconds, not '" + s + "'");
        }
    }
}
