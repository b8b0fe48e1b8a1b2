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
 */
public record StackOptions(Path projectRoot, Path home, List<ServiceSpec> services, boolean exitAfterReady,
                           Duration readyTimeout) {

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
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--no-services" -> noServices = true;
                case "--exit-after-ready" -> exitAfterReady = true;
                case "--services" -> chosen = serviceNames(value(args, ++i, a));
                case "--ready-timeout" -> readyTimeout = seconds(value(args, ++i, a));
                case "--home" -> home = Path.of(value(args, ++i, a));
                case "--root" -> root = Path.of(value(args, ++i, a));
                case "--help", "-h" -> throw new UsageException(USAGE);
                default -> throw new UsageException("unknown option '" + a + "'\n" + USAGE);
            }
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
                    services.add(s);
                }
            }
        }
        return new StackOptions(projectRoot, stackHome, List.copyOf(services), exitAfterReady, readyTimeout);
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
