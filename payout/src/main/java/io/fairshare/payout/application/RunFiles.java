package io.fairshare.payout.application;

import io.fairshare.payout.config.PayoutSettings;
import io.fairshare.service.ServiceUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

/**
 * The pain.001 files on disk, under {@code fairshare.payout.files-dir}: {@code <runId>.xml}. The database holds
 * each run's file (generated once, in the run's transaction); this is its copy for the bank. Writing is
 * idempotent (same bytes, atomic rename), so a retried run rewrites the same file.
 */
@ApplicationScoped
public class RunFiles {
    private final Path dir;

    public RunFiles(PayoutSettings settings) {
        this.dir = Paths.get(settings.filesDir()).toAbsolutePath().normalize();
    }

    public Path pathOf(String runId) {
        return dir.resolve(runId + ".xml");
    }

    /** Writes the file unless it is already there with these bytes; returns its absolute path. */
    public Path write(String runId, String xml) {
        Path target = pathOf(runId);
        byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
        try {
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), bytes)) {
                return target;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + runId, ".tmp");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return target;
        } catch (IOException e) {
            throw new ServiceUnavailableException("the pain.001 file of run " + runId + " could not be written to " + target
                    + " (the run is planned and posted; the same request again writes the same file)", e);
        }
    }
}
