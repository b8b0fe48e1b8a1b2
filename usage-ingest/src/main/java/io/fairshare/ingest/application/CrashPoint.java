package io.fairshare.ingest.application;

import io.fairshare.ingest.config.IngestConfig;
import io.fairshare.ingest.config.IngestConfig.CrashTest.Step;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Where a crash test stops a request so that it can kill the process at an exact step of the
 * ingest protocol ({@code fairshare.ingest.crash-test.pause-at}). Off unless configured; the
 * request simply waits there, the process is then killed from outside (SIGKILL), never inside.
 */
@ApplicationScoped
public class CrashPoint {
    private static final Logger LOG = Logger.getLogger(CrashPoint.class);

    private final IngestConfig.CrashTest config;

    public CrashPoint(IngestConfig config) {
        this.config = config.crashTest();
    }

    void reached(Step step, String platformId, int events) {
        if (step != config.pauseAt() || step == Step.NONE) {
            return;
        }
        LOG.warnf("crash test: holding a request of platform %s with %d events %s for %s", platformId, events, step, config.pause());
        try {
            Thread.sleep(config.pause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
