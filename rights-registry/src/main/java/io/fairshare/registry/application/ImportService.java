package io.fairshare.registry.application;

import io.fairshare.service.security.Caller;
import io.fairshare.registry.config.RegistryConfig;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.importing.CsvShareImporter;
import io.fairshare.registry.importing.CwrImporter;
import io.fairshare.registry.importing.ImportReport;
import io.fairshare.registry.importing.ImportSink;
import io.fairshare.registry.importing.ImportSummary;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.Outages;
import io.fairshare.service.ServiceUnavailableException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Bulk import of CSV and CWR files through the domain importers. The request body is streamed to a temporary file
 * (never held in memory), which is read twice: first to check it (nothing written), and, only if it is structurally
 * valid ({@link ImportSummary#fileValid()}), again to write it: the sink hands the changes to the
 * {@link CatalogueWriter} in batches of {@code fairshare.registry.imports.batch-size}, one transaction per batch
 * (rows, audit entries and outbox rows together), and nudges the outbox relay after each. An invalid file therefore
 * writes nothing. Unchanged entities are not written (no audit entry, no outbox row), so re-importing a file is a
 * no-op, and an import interrupted half-way (crash) is completed by sending the file again. Every instance's index
 * follows through the change topic.
 */
@ApplicationScoped
public class ImportService {
    private static final Logger LOG = Logger.getLogger(ImportService.class);
    /** Reports listed in a result (counts stay exact beyond it). */
    public static final int MAX_LISTED_REPORTS = 10_000;

    private final CatalogueWriter writer;
    private final ChangeRelay relay;
    private final RegistryConfig config;

    public ImportService(CatalogueWriter writer, ChangeRelay relay, RegistryConfig config) {
        this.writer = writer;
        this.relay = relay;
        this.config = config;
    }

    /** A catalogue change the registry refused although the importer accepted its row (ownership, identifier taken). */
    public record Refused(String entityKey, String code, String message) {
    }

    /**
     * @param summary   the importer's counts
     * @param reports   every report other than ACCEPTED (at most {@link #MAX_LISTED_REPORTS})
     * @param written   changes written (0 when the file is invalid: nothing is written)
     * @param unchanged changes that were already in force
     * @param refused   changes the registry refused (not written)
     * @param committed whether the import was written (false: the file is structurally invalid)
     */
    public record Result(ImportSummary summary, List<ImportReport> reports, long written, long unchanged,
                         List<Refused> refused, boolean committed) {
    }

    public enum Format { CSV, CWR }

    public Result importFile(Caller caller, Format format, String source, InputStream body) {
        long t0 = System.nanoTime();
        Path spool = null;
        try {
            spool = Files.createTempFile("registry-import-", "." + format.name().toLowerCase(Locale.ROOT));
            Files.copy(body, spool, StandardCopyOption.REPLACE_EXISTING);
            Sink check = new Sink(null, Integer.MAX_VALUE);
            ImportSummary checked = read(format, source, spool, check);
            Result r;
            if (!checked.fileValid()) {
                r = new Result(checked, check.reports, 0, 0, List.of(), false);
            } else {
                Sink sink = new Sink(caller, config.imports().batchSize());
                ImportSummary summary = read(format, source, spool, sink);
                sink.flush();
                r = new Result(summary, sink.reports, sink.written, sink.unchanged, sink.refused, true);
            }
            LOG.infof("%s import by %s: %s, %d written, %d unchanged, %d refused by the registry, %s in %d ms", format,
                    caller.actor(), r.summary(), r.written(), r.unchanged(), r.refused().size(),
                    r.committed() ? "committed" : "discarded", (System.nanoTime() - t0) / 1_000_000);
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (StorageException e) {
            throw Outages.isOutage(e) ? new ServiceUnavailableException("the catalogue store (PostgreSQL) is unavailable", e) : e;
        } finally {
            if (spool != null) {
                try {
                    Files.deleteIfExists(spool);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", spool, e.getMessage());
                }
            }
        }
    }

    private static ImportSummary read(Format format, String source, Path file, Sink sink) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return format == Format.CSV ? new CsvShareImporter(source).importFrom(in, sink)
                    : new CwrImporter().importFrom(in, sink);
        }
    }

    private final class Sink implements ImportSink {
        private final Caller caller;
        private final int batchSize;
        private final List<CatalogueChange> pending = new ArrayList<>();
        final List<ImportReport> reports = new ArrayList<>();
        final List<Refused> refused = new ArrayList<>();
        long written;
        long unchanged;

        Sink(Caller caller, int batchSize) {
            this.caller = caller;
            this.batchSize = batchSize;
        }

        @Override
        public void change(CatalogueChange change) {
            if (caller == null) {
                return;
            }
            pending.add(change);
            if (pending.size() >= batchSize) {
                flush();
            }
        }

        @Override
        public void report(ImportReport report) {
            if (report.outcome() != ImportReport.Outcome.ACCEPTED && reports.size() < MAX_LISTED_REPORTS) {
                reports.add(report);
            }
        }

        /** Writes the pending changes in their own transaction (nothing when this sink only checks the file). */
        void flush() {
            if (pending.isEmpty() || caller == null) {
                pending.clear();
                return;
            }
            CatalogueWriter.Outcome o = QuarkusTransaction.requiringNew().call(() -> writer.write(caller, pending));
            if (!o.written().isEmpty()) {
                relay.nudge();
            }
            written += o.written().size();
            unchanged += o.unchanged();
            for (CatalogueWriter.Refusal r : o.refused()) {
                if (refused.size() < MAX_LISTED_REPORTS) {
                    refused.add(new Refused(r.change().entityKey(), r.code(), r.message()));
                }
            }
            pending.clear();
        }
    }
}
