package io.fairshare.settlement.export;

import io.fairshare.contracts.canonical.CanonicalJson;
import io.fairshare.settlement.domain.statement.SocietyStatement;
import io.fairshare.settlement.domain.statement.StatementLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A society statement as a tab-separated flat file in the style of a DDEX DSR (Digital Sales Report)
 * flat file: one HEAD record, summary records, blocks of detail records, one FOOT record with counts.
 * It is DSR-<em>styled</em>, not a DDEX DSR profile and not certified: the record types are our own
 * ({@code SYAI.01}, {@code WKAI.01}, {@code SUAI.01}) because no DSR profile covers AI-training usage.
 * The module README documents every cell.
 *
 * <p>Format: UTF-8, cells separated by TAB, records ended by LF. A line starting with {@code #} is a
 * heading for the record type that follows (DSR's human-readability convention) and is counted in the
 * FOOT line counts. A TAB, CR or LF inside a value is written as a space, and a value a spreadsheet
 * would run as a formula gets a leading {@code '} ({@link SpreadsheetCell}).
 */
public final class DsrStyleReport {
    public static final String MESSAGE_VERSION = "fairshare-dsr-style/1.0";
    public static final String PROFILE = "FairshareAiTrainingUsage";
    public static final String PROFILE_VERSION = "1.0";
    public static final String MEDIA_TYPE = "text/tab-separated-values; charset=utf-8";

    private static final List<String> SECTIONS = List.of("LINE", "ADJUSTMENT", "VIOLATION", "HELD");

    private DsrStyleReport() {
    }

    private record Ref(String section, StatementLine line) {
    }

    /**
     * @param senderPartyId the scheme operator sending the report
     * @param createdAt     written to HEAD (to the second); the same statement and time give the same bytes
     */
    public static byte[] export(SocietyStatement s, String senderPartyId, Instant createdAt) {
        List<String> out = new ArrayList<>();
        out.add(row("#HEAD", "MessageVersion", "Profile", "ProfileVersion", "MessageId", "MessageCreatedDateTime", "FileNumber",
                "NumberOfFiles", "UsageStartDate", "UsageEndDate", "SenderPartyId", "RecipientPartyId", "RecipientKind", "Currency",
                "StatementSha256"));
        out.add(row("HEAD", MESSAGE_VERSION, PROFILE, PROFILE_VERSION, s.statementId(),
                DateTimeFormatter.ISO_INSTANT.format(createdAt.truncatedTo(ChronoUnit.SECONDS)), "1", "1",
                s.period().firstDay().toString(), s.period().lastDay().toString(), senderPartyId, s.payee().id(),
                s.payee().kind().name(), s.currency().code(), s.sha256()));

        // Summary records: one per (section, platform), in that order.
        Map<String, List<StatementLine>> sections = new LinkedHashMap<>();
        sections.put("LINE", s.lines());
        sections.put("ADJUSTMENT", s.adjustments());
        sections.put("VIOLATION", s.violations());
        sections.put("HELD", s.held());
        Map<String, Integer> summaryIds = new LinkedHashMap<>();
        List<String> summaries = new ArrayList<>();
        for (String section : SECTIONS) {
            Map<String, List<StatementLine>> byPlatform = new TreeMap<>();
            for (StatementLine l : sections.get(section)) {
                byPlatform.computeIfAbsent(l.platformId(), k -> new ArrayList<>()).add(l);
            }
            for (Map.Entry<String, List<StatementLine>> e : byPlatform.entrySet()) {
                int id = summaryIds.size() + 1;
                summaryIds.put(section + '\u0000' + e.getKey(), id);
                long events = 0;
                long units = 0;
                BigDecimal attributed = BigDecimal.ZERO;
                long minor = 0;
                for (StatementLine l : e.getValue()) {
                    events += l.events();
                    units += l.units();
                    attributed = attributed.add(l.attributedUnits());
                    minor = Math.addExact(minor, l.amount().minor());
                }
                summaries.add(row("SYAI.01", String.valueOf(id), e.getKey(), section, String.valueOf(e.getValue().size()),
                        String.valueOf(events), String.valueOf(units), CanonicalJson.plain(attributed),
                        BigDecimal.valueOf(minor, s.currency().scale()).toPlainString(), String.valueOf(!section.equals("HELD"))));
            }
        }
        if (!summaries.isEmpty()) {
            out.add(row("#SYAI.01", "SummaryRecordId", "PlatformId", "Section", "NumberOfUsageRecords", "Events", "Units",
                    "AttributedUnits", "Amount", "IsRoyaltyBearing"));
            out.addAll(summaries);
        }

        // Blocks: one per work, holding that work's usage records from every section.
        Map<String, List<Ref>> blocks = new TreeMap<>();
        for (String section : SECTIONS) {
            for (StatementLine l : sections.get(section)) {
                String work = l.workId() + '\u0000' + (l.workCategory() == null ? "" : l.workCategory());
                blocks.computeIfAbsent(work, k -> new ArrayList<>()).add(new Ref(section, l));
            }
        }
        if (!blocks.isEmpty()) {
            out.add(row("#WKAI.01", "BlockId", "WorkId", "WorkCategory"));
            out.add(row("#SUAI.01", "BlockId", "SummaryRecordId", "SalesTransactionId", "PartyId", "UsageType", "UnitKind", "Status",
                    "TariffId", "PricedWith", "Disputed", "BackClaim", "CorrectsPeriod", "Events", "Units", "AttributedUnits",
                    "Amount", "IsRoyaltyBearing"));
        }
        int blockNo = 0;
        int transaction = 0;
        for (List<Ref> block : blocks.values()) {
            String blockId = "B" + (++blockNo);
            StatementLine first = block.get(0).line();
            out.add(row("WKAI.01", blockId, first.workId(), first.workCategory()));
            for (Ref ref : block) {
                StatementLine l = ref.line();
                out.add(row("SUAI.01", blockId, String.valueOf(summaryIds.get(ref.section() + '\u0000' + l.platformId())),
                        String.valueOf(++transaction), l.partyId(), l.usageType().wireName(), l.unitKind().wireName(),
                        l.status().name(), l.tariffId(), l.pricedWith(), String.valueOf(l.disputed()), String.valueOf(l.backClaim()),
                        l.correctsPeriod(), String.valueOf(l.events()), String.valueOf(l.units()), CanonicalJson.plain(l.attributedUnits()),
                        l.amount().toPlainString(), String.valueOf(!ref.section().equals("HELD"))));
            }
        }
        out.add(row("#FOOT", "NumberOfLinesInFile", "NumberOfLinesInReport", "NumberOfSummaryRecords", "NumberOfBlocksInFile",
                "NumberOfBlocksInReport"));
        String lines = String.valueOf(out.size() + 1);
        out.add(row("FOOT", lines, lines, String.valueOf(summaries.size()), String.valueOf(blocks.size()), String.valueOf(blocks.size())));
        StringBuilder sb = new StringBuilder();
        for (String r : out) {
            sb.append(r).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String row(String... cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            sb.append(cell(cells[i]));
        }
        return sb.toString();
    }

    static String cell(String value) {
        if (value == null) {
            return "";
        }
        return SpreadsheetCell.guard(value.replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
    }
}
