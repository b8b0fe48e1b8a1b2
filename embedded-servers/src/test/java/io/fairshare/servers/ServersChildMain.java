package io.fairshare.servers;

import java.nio.file.Path;

/**
 * Run as a separate JVM by {@link KillNineTest}: starts both servers in the given work dir, prints
 * what the test needs to find them, then waits to be killed.
 */
public final class ServersChildMain {
    private ServersChildMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerSet servers = ServerSet.start(ServerSet.Options.defaults().workDir(Path.of(args[0])).honourExternal(false));
        KafkaBroker broker = servers.broker().orElseThrow();
        PostgresServer postgres = servers.postgresServer().orElseThrow();
        System.out.println("kafka.pid=" + broker.pid());
        System.out.println("kafka.port=" + broker.port());
        System.out.println("kafka.controllerPort=" + broker.controllerPort());
        System.out.println("postgres.pid=" + postgres.pid());
        System.out.println("postgres.port=" + postgres.port());
        System.out.println("postgres.dir=" + postgres.directory());
        System.out.println("watchdog.pid=" + Watchdog.shared().pid());
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
