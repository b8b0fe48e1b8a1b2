package io.fairshare.registry.importing;

import static io.fairshare.registry.importing.CwrLayout.*;

import io.fairshare.contracts.identifiers.IdResult;
import io.fairshare.contracts.identifiers.IdScheme;
import io.fairshare.contracts.identifiers.Identifiers;
import io.fairshare.contracts.identifiers.PartyIds;
import io.fairshare.contracts.identifiers.WorkId;
import io.fairshare.registry.domain.catalogue.CatalogueChange;
import io.fairshare.registry.domain.catalogue.Category;
import io.fairshare.registry.domain.catalogue.Work;
import io.fairshare.registry.domain.party.Party;
import io.fairshare.registry.domain.party.PartyId;
import io.fairshare.registry.domain.party.SocietyId;
import io.fairshare.registry.domain.scope.Territory;
import io.fairshare.registry.domain.shares.Mandate;
import io.fairshare.registry.domain.shares.OverClaims;
import io.fairshare.registry.domain.shares.RightType;
import io.fairshare.registry.domain.shares.Share;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Imports a CISAC CWR 2.1 or 2.2 registration file (fixed-width records, layouts in {@link CwrLayout}), streaming:
 * one transaction (a work and its detail records) is held at a time, and its changes are emitted when the next
 * transaction or the group trailer begins.
 *
 * <p><b>Records.</b> HDR, GRH, GRT, TRL are checked (structure and the GRT/TRL counts); NWR and REV start a work
 * (REV is imported like NWR: upserts); SPU and SWR are controlled publishers and writers with their PR, MR and SR
 * ownership shares and societies; SPT and SWT give their territories; PWR links a writer to a publisher (checked,
 * not stored); ALT adds alternate titles. Other CWR record types (OPU, OWR, REC, PER, ...) and the transactions of
 * groups other than NWR and REV are reported IGNORED.
 *
 * <p><b>Mapping</b> (also in the module README, "CWR import"):
 * <ul>
 *   <li>Work: key and only identifier the NWR's ISWC (required: a work without one cannot be matched by usage
 *       events, so its transaction is refused); title; category MUSIC; ALT titles as alternate titles.</li>
 *   <li>Party: {@link PartyKeys}: {@code ipi:<IPI name #>}, else {@code ref:cwr-<HDR sender id>:<interested party
 *       #>}. Publisher name; writer "LAST, FIRST".</li>
 *   <li>Shares: ownership shares are hundredths of a percent (05000 = 50.00%), which are basis points as they
 *       stand. PR -> PERFORMANCE, MR -> MECHANICAL, SR -> SYNCHRONISATION; zero shares are not imported; no dates
 *       (valid since always). Collection shares (SPT/SWT) are checked but not stored: entitlement follows ownership.</li>
 *   <li>Territories: an SPU or SWR without SPT/SWT counts as WORLD. Each included (I) TIS territory counts; an
 *       excluded (E) one removes the party there. Every territory named by any party of a right type gets its own
 *       complete share set (the parties covering it), because a territory's set replaces the WORLD set at
 *       resolution; WORLD shares are imported for parties that include WORLD.</li>
 *   <li>Mandates: a PR, MR or SR affiliation society (not blank, 000 public domain or 099 no society) becomes a
 *       mandate of the party to society {@code cisac:<code>} for that right type in each included territory.</li>
 * </ul>
 */
public final class CwrImporter {
    private static final Set<String> TRANSACTION_TYPES = Set.of("NWR", "REV", "ISW", "EXC", "AGR", "ACK");
    private static final Set<String> IGNORED_DETAIL_TYPES = Set.of("TER", "IPA", "NPA", "OPU", "OPT", "OWR", "OWT",
            "NPN", "NWN", "NAT", "NET", "NCT", "NVT", "NOW", "EWT", "VER", "PER", "NPR", "REC", "ORN", "INS", "IND",
            "COM", "ARI", "XRF", "MSG");
    private static final Set<String> NO_SOCIETY = Set.of("", "000", "099");

    /** Reads the file as ISO-8859-1, so that one byte is one character and positions hold. */
    public ImportSummary importFrom(InputStream in, ImportSink sink) throws IOException {
        return importFrom(new InputStreamReader(in, StandardCharsets.ISO_8859_1), sink);
    }

    public ImportSummary importFrom(Reader reader, ImportSink sink) throws IOException {
        Run run = new Run(new Tally(sink));
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        while ((line = in.readLine()) != null) {
            run.line(line);
        }
        run.end();
        return run.out.summary(run.lineNo);
    }

    /** One interested party of a transaction (SPU or SWR). */
    private static final class Interest {
        final String ipNumber;
        final Party party;
        final long line;
        final int[] shares;       // PR, MR, SR
        final String[] societies; // PR, MR, SR; null = none
        final Set<Territory> included = new LinkedHashSet<>();
        final Set<Territory> excluded = new LinkedHashSet<>();
        int territoryRecords;

        Interest(String ipNumber, Party party, long line, int[] shares, String[] societies) {
            this.ipNumber = ipNumber;
            this.party = party;
            this.line = line;
            this.shares = shares;
            this.societies = societies;
        }

        Set<Territory> coverage() {
            return territoryRecords == 0 ? Set.of(Territory.WORLD) : included;
        }

        boolean covers(Territory t) {
            Set<Territory> c = coverage();
            return c.contains(t) || (c.contains(Territory.WORLD) && !excluded.contains(t));
        }
    }

    /** The transaction being read. */
    private static final class Tx {
        final long line;
        final int seq;
        final String refusal;
        WorkId iswc;
        String title;
        final Set<String> alternateTitles = new LinkedHashSet<>();
        final Map<String, Interest> publishers = new LinkedHashMap<>();
        final Map<String, Interest> writers = new LinkedHashMap<>();
        int lastRecordSeq;

        Tx(long line, int seq, String refusal) {
            this.line = line;
            this.seq = seq;
            this.refusal = refusal;
        }
    }

    /** Thrown inside record parsing only, to carry a field's problem to its report. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;
        final String code;

        Refusal(Field field, String code, String message) {
            super(message, null, false, false);
            this.field = field == null ? null : field.label();
            this.code = code;
        }
    }

    private static final class Run {
        final Tally out;
        long lineNo;
        String source = "cwr-unknown";
        boolean sawHdr;
        boolean sawTrl;
        long records;
        int groups;
        int transactions;
        boolean inGroup;
        boolean groupImported;
        int groupId;
        long groupLine;
        long groupRecords;
        int groupTransactions;
        int nextTransactionSeq;
        Tx tx;
        /** Inside a transaction whose records are ignored (unsupported group or transaction type). */
        boolean ignoringTx;

        Run(Tally out) {
            this.out = out;
        }

        void line(String line) {
            lineNo++;
            if (line.isBlank()) {
                return;
            }
            if (sawTrl) {
                out.fileError(lineNo, null, "CWR_AFTER_TRL", "record after the transmission trailer (TRL)");
                return;
            }
            records++;
            if (inGroup) {
                groupRecords++;
            }
            if (line.length() < 3) {
                out.report(ImportReport.refused(lineNo, RECORD_TYPE.label(), "CWR_RECORD_TYPE",
                        "a record needs at least its 3-character record type"));
                return;
            }
            String type = line.substring(0, 3);
            if (!sawHdr && !type.equals("HDR")) {
                out.fileError(lineNo, RECORD_TYPE.label(), "CWR_STRUCTURE", "the first record must be HDR, was " + type);
                sawHdr = true;
            }
            try {
                switch (type) {
                    case "HDR": hdr(line); break;
                    case "GRH": grh(line); break;
                    case "GRT": grt(line); break;
                    case "TRL": trl(line); break;
                    case "NWR": case "REV": case "ISW": case "EXC": case "AGR": case "ACK": transaction(type, line); break;
                    case "SPU": detail(line, this::spu); break;
                    case "SPT": detail(line, this::spt); break;
                    case "SWR": detail(line, this::swr); break;
                    case "SWT": detail(line, this::swt); break;
                    case "PWR": detail(line, this::pwr); break;
                    case "ALT": detail(line, this::alt); break;
                    default:
                        if (IGNORED_DETAIL_TYPES.contains(type)) {
                            out.report(ImportReport.ignored(lineNo, "CWR_RECORD_NOT_IMPORTED",
                                    type + " records are not imported"));
                        } else {
                            out.report(ImportReport.refused(lineNo, RECORD_TYPE.label(), "CWR_RECORD_TYPE",
                                    "unknown record type \"" + type + "\""));
                        }
                }
            } catch (Refusal r) {
                out.report(ImportReport.refused(lineNo, r.field, r.code, r.getMessage()));
            }
        }

        void end() {
            closeTx();
            if (inGroup) {
                out.fileError(lineNo, null, "CWR_STRUCTURE", "group " + groupId + " (GRH on line " + groupLine
                        + ") has no group trailer (GRT)");
            }
            if (!sawTrl) {
                out.fileError(lineNo, null, "CWR_STRUCTURE", "the file ends without a transmission trailer (TRL)");
            }
        }

        // ------------------------------------------------------------ control records

        void hdr(String line) throws Refusal {
            if (records != 1) {
                out.fileError(lineNo, RECORD_TYPE.label(), "CWR_STRUCTURE", "HDR must be the first record and appear once");
                return;
            }
            sawHdr = true;
            minLength(line, HDR_TRANSMISSION_DATE, "HDR");
            String senderId = HDR_SENDER_ID.read(line);
            if (senderId.isEmpty()) {
                out.fileError(lineNo, HDR_SENDER_ID.label(), "FIELD_REQUIRED", "the HDR sender id is required");
                return;
            }
            source = "cwr-" + senderId;
            String edi = HDR_EDI_VERSION.read(line);
            out.report(ImportReport.accepted(lineNo));
            if (!edi.equals("01.10")) {
                out.report(ImportReport.warning(lineNo, HDR_EDI_VERSION.label(), "CWR_VERSION",
                        "EDI standard version is \"" + edi + "\", expected 01.10"));
            }
        }

        void grh(String line) throws Refusal {
            closeTx();
            if (inGroup) {
                out.fileError(lineNo, RECORD_TYPE.label(), "CWR_STRUCTURE", "GRH before the trailer (GRT) of group "
                        + groupId + " opened on line " + groupLine);
            }
            minLength(line, GRH_VERSION, "GRH");
            int id = number(line, GRH_GROUP_ID);
            inGroup = true;
            groups++;
            groupId = id;
            groupLine = lineNo;
            groupRecords = 1;
            groupTransactions = 0;
            nextTransactionSeq = 0;
            String type = GRH_TRANSACTION_TYPE.read(line);
            groupImported = type.equals("NWR") || type.equals("REV");
            out.report(ImportReport.accepted(lineNo));
            if (id != groups) {
                out.report(ImportReport.warning(lineNo, GRH_GROUP_ID.label(), "CWR_SEQUENCE",
                        "group id " + id + ", expected " + groups));
            }
            String version = GRH_VERSION.read(line);
            if (!version.equals("02.10") && !version.equals("02.20")) {
                out.report(ImportReport.warning(lineNo, GRH_VERSION.label(), "CWR_VERSION", "version \"" + version
                        + "\" is neither 02.10 (CWR 2.1) nor 02.20 (CWR 2.2); read with the 2.1 layouts"));
            }
            if (!groupImported) {
                out.report(ImportReport.warning(lineNo, GRH_TRANSACTION_TYPE.label(), "CWR_GROUP_NOT_IMPORTED",
                        "the transactions of a " + type + " group are not imported"));
            }
        }

        void grt(String line) throws Refusal {
            closeTx();
            if (!inGroup) {
                out.fileError(lineNo, RECORD_TYPE.label(), "CWR_STRUCTURE", "GRT without a group header (GRH)");
                return;
            }
            inGroup = false;
            minLength(line, GRT_RECORD_COUNT, "GRT");
            int id = number(line, GRT_GROUP_ID);
            int txCount = number(line, GRT_TRANSACTION_COUNT);
            int recCount = number(line, GRT_RECORD_COUNT);
            boolean ok = true;
            if (id != groupId) {
                ok = false;
                out.fileError(lineNo, GRT_GROUP_ID.label(), "CWR_COUNT_MISMATCH", "group id " + id
                        + " does not match the GRH's " + groupId);
            }
            if (txCount != groupTransactions) {
                ok = false;
                out.fileError(lineNo, GRT_TRANSACTION_COUNT.label(), "CWR_COUNT_MISMATCH", "the group trailer declares "
                        + txCount + " transactions, the group has " + groupTransactions);
            }
            if (recCount != groupRecords) {
                ok = false;
                out.fileError(lineNo, GRT_RECORD_COUNT.label(), "CWR_COUNT_MISMATCH", "the group trailer declares "
                        + recCount + " records, the group has " + groupRecords + " (GRH and GRT included)");
            }
            if (ok) {
                out.report(ImportReport.accepted(lineNo));
            }
        }

        void trl(String line) throws Refusal {
            closeTx();
            sawTrl = true;
            if (inGroup) {
                inGroup = false;
                out.fileError(lineNo, RECORD_TYPE.label(), "CWR_STRUCTURE", "TRL before the trailer (GRT) of group "
                        + groupId + " opened on line " + groupLine);
            }
            minLength(line, TRL_RECORD_COUNT, "TRL");
            int groupCount = number(line, TRL_GROUP_COUNT);
            int txCount = number(line, TRL_TRANSACTION_COUNT);
            int recCount = number(line, TRL_RECORD_COUNT);
            boolean ok = true;
            if (groupCount != groups) {
                ok = false;
                out.fileError(lineNo, TRL_GROUP_COUNT.label(), "CWR_COUNT_MISMATCH", "the trailer declares "
                        + groupCount + " groups, the file has " + groups);
            }
            if (txCount != transactions) {
                ok = false;
                out.fileError(lineNo, TRL_TRANSACTION_COUNT.label(), "CWR_COUNT_MISMATCH", "the trailer declares "
                        + txCount + " transactions, the file has " + transactions);
            }
            if (recCount != records) {
                ok = false;
                out.fileError(lineNo, TRL_RECORD_COUNT.label(), "CWR_COUNT_MISMATCH", "the trailer declares "
                        + recCount + " records, the file has " + records + " (HDR and TRL included)");
            }
            if (ok) {
                out.report(ImportReport.accepted(lineNo));
            }
        }

        // ------------------------------------------------------------ transactions

        void transaction(String type, String line) throws Refusal {
            closeTx();
            ignoringTx = false;
            if (!inGroup) {
                ignoringTx = true;
                throw new Refusal(RECORD_TYPE, "CWR_STRUCTURE", type + " outside a group (no GRH before it)");
            }
            groupTransactions++;
            transactions++;
            minLength(line, RECORD_SEQ, type);
            int seq = number(line, TRANSACTION_SEQ);
            int recSeq = number(line, RECORD_SEQ);
            List<ImportReport> sequenceWarnings = new ArrayList<>(2);
            if (seq != nextTransactionSeq) {
                sequenceWarnings.add(ImportReport.warning(lineNo, TRANSACTION_SEQ.label(), "CWR_SEQUENCE",
                        "transaction sequence # " + seq + ", expected " + nextTransactionSeq));
            }
            nextTransactionSeq = seq + 1;
            if (recSeq != 0) {
                sequenceWarnings.add(ImportReport.warning(lineNo, RECORD_SEQ.label(), "CWR_SEQUENCE",
                        "record sequence # of a transaction header is " + recSeq + ", expected 0"));
            }
            if (!groupImported || !(type.equals("NWR") || type.equals("REV"))) {
                ignoringTx = true;
                out.report(ImportReport.ignored(lineNo, "CWR_TRANSACTION_NOT_IMPORTED",
                        type + " transactions are not imported"));
                return;
            }
            Refusal refusal = null;
            Tx t;
            try {
                t = work(line, seq);
            } catch (Refusal r) {
                refusal = r;
                t = new Tx(lineNo, seq, r.field + ": " + r.getMessage());
            }
            tx = t;
            if (refusal != null) {
                out.report(ImportReport.refused(lineNo, refusal.field, refusal.code, refusal.getMessage()));
            } else {
                out.report(ImportReport.accepted(lineNo));
            }
            sequenceWarnings.forEach(out::report);
        }

        Tx work(String line, int seq) throws Refusal {
            minLength(line, NWR_ISWC, "NWR");
            String title = NWR_TITLE.read(line);
            if (title.isEmpty()) {
                throw new Refusal(NWR_TITLE, "FIELD_REQUIRED", "the work title is required");
            }
            String iswc = NWR_ISWC.read(line);
            if (iswc.isEmpty()) {
                throw new Refusal(NWR_ISWC, "ISWC_MISSING", "the work has no ISWC; the registry keys works by"
                        + " standard identifiers, and a work without one cannot be matched by usage events");
            }
            IdResult r = Identifiers.normalize(IdScheme.ISWC, iswc);
            if (!r.isOk()) {
                throw new Refusal(NWR_ISWC, r.errorCode(), r.message());
            }
            Tx t = new Tx(lineNo, seq, null);
            t.iswc = r.id();
            t.title = title;
            return t;
        }

        interface DetailParser {
            void parse(String line, Tx tx) throws Refusal;
        }

        void detail(String line, DetailParser parser) throws Refusal {
            String type = line.substring(0, 3);
            if (ignoringTx) {
                out.report(ImportReport.ignored(lineNo, "CWR_TRANSACTION_NOT_IMPORTED",
                        type + " belongs to a transaction that is not imported"));
                return;
            }
            if (tx == null) {
                throw new Refusal(RECORD_TYPE, "CWR_STRUCTURE", type + " outside a transaction (no NWR or REV before it)");
            }
            minLength(line, RECORD_SEQ, type);
            int seq = number(line, TRANSACTION_SEQ);
            int recSeq = number(line, RECORD_SEQ);
            if (seq != tx.seq) {
                throw new Refusal(TRANSACTION_SEQ, "CWR_SEQUENCE", "transaction sequence # " + seq
                        + " does not match the transaction it follows (" + tx.seq + ", line " + tx.line + ")");
            }
            if (tx.refusal != null) {
                throw new Refusal(null, "CWR_TRANSACTION_REFUSED", "the transaction starting on line " + tx.line
                        + " was refused (" + tx.refusal + ")");
            }
            boolean inSequence = recSeq == tx.lastRecordSeq + 1;
            tx.lastRecordSeq = recSeq;
            parser.parse(line, tx);
            out.report(ImportReport.accepted(lineNo));
            if (!inSequence) {
                out.report(ImportReport.warning(lineNo, RECORD_SEQ.label(), "CWR_SEQUENCE", "record sequence # "
                        + recSeq + " does not follow the previous record's"));
            }
        }

        void spu(String line, Tx t) throws Refusal {
            minLength(line, SPU_SR_SHARE, "SPU");
            String ip = required(line, SPU_IP_NO);
            String name = required(line, SPU_NAME);
            interest(t, true, ip, name, line, SPU_IPI_NAME,
                    new Field[] {SPU_PR_SHARE, SPU_MR_SHARE, SPU_SR_SHARE},
                    new Field[] {SPU_PR_SOCIETY, SPU_MR_SOCIETY, SPU_SR_SOCIETY});
        }

        void swr(String line, Tx t) throws Refusal {
            minLength(line, SWR_SR_SHARE, "SWR");
            String ip = required(line, SWR_IP_NO);
            String last = required(line, SWR_LAST_NAME);
            String first = SWR_FIRST_NAME.read(line);
            interest(t, false, ip, first.isEmpty() ? last : last + ", " + first, line, SWR_IPI_NAME,
                    new Field[] {SWR_PR_SHARE, SWR_MR_SHARE, SWR_SR_SHARE},
                    new Field[] {SWR_PR_SOCIETY, SWR_MR_SOCIETY, SWR_SR_SOCIETY});
        }

        void interest(Tx t, boolean publisher, String ip, String name, String line, Field ipiField,
                      Field[] shareFields, Field[] societyFields) throws Refusal {
            Map<String, Interest> of = publisher ? t.publishers : t.writers;
            if (of.containsKey(ip)) {
                throw new Refusal(publisher ? SPU_IP_NO : SWR_IP_NO, "CWR_DUPLICATE_PARTY", "interested party # " + ip
                        + " already appears on line " + of.get(ip).line + " of this transaction");
            }
            String rawIpi = ipiField.read(line);
            String ipi = null;
            // CWR files write 00000000000 for "no IPI name number".
            if (!rawIpi.isEmpty() && !rawIpi.chars().allMatch(c -> c == '0')) {
                PartyIds.PartyIdResult r = PartyIds.normalizeIpi(rawIpi);
                if (!r.isOk()) {
                    throw new Refusal(ipiField, r.errorCode(), r.message());
                }
                ipi = r.value();
            }
            int[] shares = new int[3];
            String[] societies = new String[3];
            for (int i = 0; i < 3; i++) {
                shares[i] = share(line, shareFields[i]);
                societies[i] = society(line, societyFields[i]);
            }
            PartyId id = PartyKeys.of(ipi, null, source, ip);
            of.put(ip, new Interest(ip, new Party(id, name, null, ipi), lineNo, shares, societies));
        }

        void spt(String line, Tx t) throws Refusal {
            minLength(line, SPT_TIS, "SPT");
            territory(t.publishers, "SPU", line, SPT_IP_NO, new Field[] {SPT_PR_COLLECTION, SPT_MR_COLLECTION,
                    SPT_SR_COLLECTION}, SPT_INCLUSION, SPT_TIS);
        }

        void swt(String line, Tx t) throws Refusal {
            minLength(line, SWT_TIS, "SWT");
            territory(t.writers, "SWR", line, SWT_IP_NO, new Field[] {SWT_PR_COLLECTION, SWT_MR_COLLECTION,
                    SWT_SR_COLLECTION}, SWT_INCLUSION, SWT_TIS);
        }

        void territory(Map<String, Interest> of, String parentType, String line, Field ipField, Field[] collection,
                       Field inclusion, Field tis) throws Refusal {
            String ip = required(line, ipField);
            Interest interest = of.get(ip);
            if (interest == null) {
                throw new Refusal(ipField, "CWR_UNKNOWN_PARTY", "no " + parentType + " with interested party # " + ip
                        + " earlier in this transaction");
            }
            interest.territoryRecords++;
            for (Field f : collection) {
                share(line, f);
            }
            String ie = inclusion.read(line);
            if (!ie.equals("I") && !ie.equals("E")) {
                throw new Refusal(inclusion, "CWR_INCLUSION", "must be I (included) or E (excluded); was \"" + ie + "\"");
            }
            int code = number(line, tis);
            Territory territory = TisTerritories.of(code).orElseThrow(() -> new Refusal(tis, "TIS_NOT_SUPPORTED",
                    "TIS code " + code + " is not in the supported table " + new TreeMap<>(TisTerritories.table())));
            (ie.equals("I") ? interest.included : interest.excluded).add(territory);
        }

        void pwr(String line, Tx t) throws Refusal {
            minLength(line, PWR_PUBLISHER_NAME, "PWR");
            String publisher = required(line, PWR_PUBLISHER_IP_NO);
            if (!t.publishers.containsKey(publisher)) {
                throw new Refusal(PWR_PUBLISHER_IP_NO, "CWR_UNKNOWN_PARTY", "no SPU with interested party # "
                        + publisher + " earlier in this transaction");
            }
            String writer = PWR_WRITER_IP_NO.read(line);
            if (!writer.isEmpty() && !t.writers.containsKey(writer)) {
                throw new Refusal(PWR_WRITER_IP_NO, "CWR_UNKNOWN_PARTY", "no SWR with interested party # " + writer
                        + " earlier in this transaction");
            }
        }

        void alt(String line, Tx t) throws Refusal {
            minLength(line, ALT_TITLE_TYPE, "ALT");
            String title = required(line, ALT_TITLE);
            required(line, ALT_TITLE_TYPE);
            if (!title.equals(t.title)) {
                t.alternateTitles.add(title);
            }
        }

        /** Emits the changes of the finished transaction. */
        void closeTx() {
            Tx t = tx;
            tx = null;
            if (t == null || t.refusal != null) {
                return;
            }
            Work work = new Work(t.iswc, List.of(t.iswc), t.title, Category.MUSIC, List.copyOf(t.alternateTitles));
            out.change(new CatalogueChange.UpsertWork(work));
            List<Interest> interests = new ArrayList<>(t.publishers.values());
            interests.addAll(t.writers.values());
            for (Interest i : interests) {
                out.change(new CatalogueChange.UpsertParty(i.party));
            }
            RightType[] rights = {RightType.PERFORMANCE, RightType.MECHANICAL, RightType.SYNCHRONISATION};
            List<Share> shares = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                List<Interest> holders = new ArrayList<>();
                for (Interest i : interests) {
                    if (i.shares[r] > 0) {
                        if (i.coverage().isEmpty()) {
                            out.report(ImportReport.warning(i.line, null, "CWR_NO_TERRITORY", "interested party # "
                                    + i.ipNumber + " has no supported territory: its " + rights[r]
                                    + " share is not imported"));
                        } else {
                            holders.add(i);
                        }
                    }
                }
                TreeMap<String, Territory> named = new TreeMap<>();
                for (Interest h : holders) {
                    h.coverage().stream().filter(x -> !x.isWorld()).forEach(x -> named.put(x.code(), x));
                    h.excluded.forEach(x -> named.put(x.code(), x));
                }
                for (Interest h : holders) {
                    if (h.coverage().contains(Territory.WORLD)) {
                        shares.add(new Share(t.iswc, h.party.id(), rights[r], Territory.WORLD, h.shares[r], null, null));
                    }
                }
                for (Territory territory : named.values()) {
                    int covering = 0;
                    for (Interest h : holders) {
                        if (h.covers(territory)) {
                            covering++;
                            shares.add(new Share(t.iswc, h.party.id(), rights[r], territory, h.shares[r], null, null));
                        }
                    }
                    if (covering == 0) {
                        out.report(ImportReport.warning(t.line, null, "CWR_EXCLUSION_NOT_REPRESENTABLE", "no party"
                                + " holds " + rights[r] + " in " + territory + " after exclusions; the registry"
                                + " cannot store an empty share set, so the WORLD shares apply there"));
                    }
                }
            }
            for (Share s : shares) {
                out.change(new CatalogueChange.UpsertShare(s));
            }
            for (Interest i : interests) {
                for (int r = 0; r < 3; r++) {
                    if (i.shares[r] > 0 && i.societies[r] != null) {
                        for (Territory territory : i.coverage()) {
                            out.change(new CatalogueChange.UpsertMandate(new Mandate(i.party.id(),
                                    new SocietyId(i.societies[r]), rights[r], territory, null, null)));
                        }
                    }
                }
            }
            for (OverClaims.OverClaim oc : OverClaims.find(shares)) {
                out.report(ImportReport.warning(t.line, null, "OVER_CLAIM", "the " + oc.right() + " ownership shares"
                        + " of " + oc.work().key() + " in " + oc.territory() + " sum to " + oc.totalBasisPoints()
                        + " bp: stored as claimed; resolution scales them to 10000 bp and marks the lines disputed"));
            }
        }

        // ------------------------------------------------------------ fields

        void minLength(String line, Field last, String type) throws Refusal {
            if (line.length() < last.end()) {
                throw new Refusal(last, "CWR_RECORD_TOO_SHORT", "the " + type + " record is " + line.length()
                        + " characters long; at least " + last.end() + " are needed (through " + last.name() + ")");
            }
        }

        static String required(String line, Field f) throws Refusal {
            String v = f.read(line);
            if (v.isEmpty()) {
                throw new Refusal(f, "FIELD_REQUIRED", f.name() + " is required");
            }
            return v;
        }

        static int number(String line, Field f) throws Refusal {
            String raw = line.substring(Math.min(f.start() - 1, line.length()), Math.min(f.end(), line.length()));
            if (raw.length() != f.size() || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Refusal(f, "CWR_NUMERIC", f.name() + " must be " + f.size() + " digits; was \"" + raw + "\"");
            }
            return Integer.parseInt(raw);
        }

        /** An ownership or collection share: 5 digits, hundredths of a percent (= basis points), blank = 0. */
        static int share(String line, Field f) throws Refusal {
            if (f.read(line).isEmpty()) {
                return 0;
            }
            int v = number(line, f);
            if (v > 10_000) {
                throw new Refusal(f, "SHARE_RANGE", f.name() + " is " + v / 100 + "." + String.format("%02d", v % 100)
                        + "%, more than 100.00%");
            }
            return v;
        }

        /** A 3-digit CISAC society code as a society id, or null for none (blank, 000, 099). */
        static String society(String line, Field f) throws Refusal {
            String v = f.read(line);
            if (NO_SOCIETY.contains(v)) {
                return null;
            }
            if (v.length() != 3 || !v.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new Refusal(f, "CWR_SOCIETY", f.name() + " must be a 3-digit CISAC society code; was \"" + v + "\"");
            }
            return "cisac:" + v;
        }
    }
}
