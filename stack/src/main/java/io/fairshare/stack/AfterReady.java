package io.fairshare.stack;

/**
 * A step that runs once Kafka, PostgreSQL and the services are ready, before the stack waits for
 * Ctrl-C (or stops, with {@code --exit-after-ready}): seeding data, a demo, a smoke check. A step
 * that throws makes the stack stop and exit with status 1.
 */
@FunctionalInterface
public interface AfterReady {
    void run(RunningStack stack) throws Exception;
}
