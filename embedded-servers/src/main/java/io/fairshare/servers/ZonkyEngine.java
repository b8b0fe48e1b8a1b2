package io.fairshare.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The fallback server: zonky's PostgreSQL binaries, unpacked from a jar. Kept apart so that its
 * classes load only when it is used. Zonky starts the postmaster with {@code pg_ctl} (so it is not a
 * child of this JVM) and, as root, inside a user namespace.
 */
final class ZonkyEngine {
    static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final Path dataDir;

    private ZonkyEngine(EmbeddedPostgres postgres, Path dataDir) {
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static boolean available() {
        try {
            Class.forName("io.zonky.test.db.postgres.embedded.EmbeddedPostgres", false, ZonkyEngine.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static ZonkyEngine start(Path dir, Path dataDir, int port, Map<String, String> settings, Path logFile,
                             Duration startTimeout) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setPGStartupWait(startTimeout)
                    .setRegisterShutdownHook(false)
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            settings.forEach(builder::setServerConfig);
            return new ZonkyEngine(builder.start(), dataDir);
        } catch (IOException | RuntimeException e) {
            throw new ServerStartException("postgres: the zonky embedded server did not start (dir " + dir + "): "
                    + e.getMessage() + "\n" + Processes.tail(logFile, 40), e);
        }
    }

    long postmasterPid() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            return Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new ServerStartException("postgres: could not read " + pidFile, e);
        }
    }

    void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            Progress.line("postgres: zonky's stop failed: " + e.getMessage());
        }
    }
}
