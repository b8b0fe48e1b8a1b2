package io.fairshare.payout.iso20022;

import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.outcome.Result;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.run.PayoutRun;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a payout run as an ISO 20022 {@code pain.001.001.09} customer credit transfer initiation, with
 * StAX. One PmtInf per currency (a run has one value date); one CdtTrfTxInf per payment. The output depends
 * only on the run and the originator: CreDtTm is the run's creation time, never the clock.
 *
 * <p>Mapping (see the module README): MsgId = run id; NbOfTxs/CtrlSum = count and sum of the run's payments
 * (the amounts the ledger moved from PAYABLE to IN_TRANSIT); PmtInfId = {@code <runId>-<CCY>};
 * ReqdExctnDt/Dt = value date; Dbtr/DbtrAcct/DbtrAgt = the originator's account for the currency;
 * EndToEndId = the payment's end-to-end id; InstdAmt = amount from minor units with the currency's decimals;
 * Cdtr/CdtrAcct/CdtrAgt = the society's bank details as planned; RmtInf/Ustrd = run, periods and society
 * statements, in lines of at most 140 characters.
 */
public final class Pain001Writer {
    public static final String NAMESPACE = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.09";
    private static final int MAX_TEXT = 140;

    /**
     * Who sends the file: the initiating party (name, optional organisation id of at most 35 characters) and,
     * per currency, the account the payments are debited from.
     */
    public record Originator(String initiatingPartyName, String initiatingPartyId, Map<String, BankDetails> debtorAccounts) {
        public Originator {
            debtorAccounts = Map.copyOf(debtorAccounts);
        }
    }

    private Pain001Writer() {
    }

    public static Result<Pain001File> write(PayoutRun run, Originator originator) {
        if (run.payments().isEmpty()) {
            return Result.rejected(ErrorCode.EMPTY_RUN, "run " + run.runId() + " has no payments; pain.001 needs at least one");
        }
        if (originator.initiatingPartyName() == null || originator.initiatingPartyName().isBlank()) {
            return Result.rejected(ErrorCode.INVALID_BANK_DETAILS, "the initiating party needs a name");
        }
        if (originator.initiatingPartyId() != null && (originator.initiatingPartyId().isBlank() || originator.initiatingPartyId().length() > 35)) {
            return Result.rejected(ErrorCode.INVALID_BANK_DETAILS, "the initiating party id is 1 to 35 characters");
        }
        Map<String, List<Payment>> byCurrency = new TreeMap<>();
        for (Payment p : run.payments()) {
            byCurrency.computeIfAbsent(p.currency(), c -> new ArrayList<>()).add(p);
            Optional<Rejection> creditor = p.creditor().validate();
            if (creditor.isPresent()) {
                return Result.rejected(ErrorCode.INVALID_BANK_DETAILS, "payment " + p.endToEndId() + ": " + creditor.get().message());
            }
        }
        for (String ccy : byCurrency.keySet()) {
            BankDetails debtor = originator.debtorAccounts().get(ccy);
            if (debtor == null) {
                return Result.rejected(ErrorCode.MISSING_DEBTOR_ACCOUNT, "no debtor account for " + ccy + " payments");
            }
            Optional<Rejection> invalid = debtor.validate();
            if (invalid.isPresent()) {
                return Result.rejected(ErrorCode.INVALID_BANK_DETAILS, "debtor account for " + ccy + ": " + invalid.get().message());
            }
        }
        BigDecimal controlSum = BigDecimal.ZERO;
        for (Payment p : run.payments()) {
            controlSum = controlSum.add(p.money().toDecimal());
        }
        try {
            String xml = document(run, originator, byCurrency, controlSum);
            return Result.ok(new Pain001File(run.runId(), run.payments().size(), controlSum, xml));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing pain.001 for run " + run.runId(), e);
        }
    }

    private static String document(PayoutRun run, Originator originator, Map<String, List<Payment>> byCurrency, BigDecimal controlSum)
            throws XMLStreamException {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        Xml w = new Xml(xml);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.setDefaultNamespace(NAMESPACE);
        w.start("Document");
        xml.writeDefaultNamespace(NAMESPACE);
        w.start("CstmrCdtTrfInitn");

        w.start("GrpHdr");
        w.leaf("MsgId", run.runId());
        w.leaf("CreDtTm", DateTimeFormatter.ISO_INSTANT.format(run.createdAt().truncatedTo(ChronoUnit.SECONDS)));
        w.leaf("NbOfTxs", Integer.toString(run.payments().size()));
        w.leaf("CtrlSum", controlSum.toPlainString());
        w.start("InitgPty");
        w.leaf("Nm", text(originator.initiatingPartyName(), MAX_TEXT));
        if (originator.initiatingPartyId() != null) {
            w.start("Id");
            w.start("OrgId");
            w.start("Othr");
            w.leaf("Id", text(originator.initiatingPartyId(), 35));
            w.end();
            w.end();
            w.end();
        }
        w.end();
        w.end();

        for (Map.Entry<String, List<Payment>> group : byCurrency.entrySet()) {
            String ccy = group.getKey();
            List<Payment> payments = group.getValue();
            BigDecimal sum = BigDecimal.ZERO;
            for (Payment p : payments) {
                sum = sum.add(p.money().toDecimal());
            }
            BankDetails debtor = originator.debtorAccounts().get(ccy);
            w.start("PmtInf");
            w.leaf("PmtInfId", run.runId() + "-" + ccy);
            w.leaf("PmtMtd", "TRF");
            w.leaf("NbOfTxs", Integer.toString(payments.size()));
            w.leaf("CtrlSum", sum.toPlainString());
            w.start("ReqdExctnDt");
            w.leaf("Dt", run.valueDate().toString());
            w.end();
            party(w, "Dbtr", debtor);
            account(w, "DbtrAcct", debtor, ccy);
            agent(w, "DbtrAgt", debtor);
            w.leaf("ChrgBr", "SLEV");
            for (Payment p : payments) {
                w.start("CdtTrfTxInf");
                w.start("PmtId");
                w.leaf("EndToEndId", p.endToEndId());
                w.end();
                w.start("Amt");
                w.leafWithCurrency("InstdAmt", ccy, p.money().toDecimal().toPlainString());
                w.end();
                agent(w, "CdtrAgt", p.creditor());
                party(w, "Cdtr", p.creditor());
                account(w, "CdtrAcct", p.creditor(), null);
                w.start("RmtInf");
                for (String line : remittance(p)) {
                    w.leaf("Ustrd", line);
                }
                w.end();
                w.end();
            }
            w.end();
        }
        w.end();
        w.end();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void party(Xml w, String element, BankDetails bank) throws XMLStreamException {
        w.start(element);
        w.leaf("Nm", text(bank.holderName(), MAX_TEXT));
        w.start("PstlAdr");
        w.leaf("Ctry", bank.country());
        w.end();
        w.end();
    }

    private static void account(Xml w, String element, BankDetails bank, String currency) throws XMLStreamException {
        w.start(element);
        w.start("Id");
        if (bank.iban() != null) {
            w.leaf("IBAN", bank.iban());
        } else {
            w.start("Othr");
            w.leaf("Id", bank.accountNumber());
            w.end();
        }
        w.end();
        if (currency != null) {
            w.leaf("Ccy", currency);
        }
        w.end();
    }

    private static void agent(Xml w, String element, BankDetails bank) throws XMLStreamException {
        w.start(element);
        w.start("FinInstnId");
        if (bank.bic() != null) {
            w.leaf("BICFI", bank.bic());
        }
        if (bank.bankCode() != null) {
            w.start("ClrSysMmbId");
            w.leaf("MmbId", bank.bankCode());
            w.end();
        }
        w.end();
        w.end();
    }

    /** Unstructured remittance: run, periods paid and society statements, packed into lines of at most 140 characters. */
    static List<String> remittance(Payment p) {
        List<String> words = new ArrayList<>(List.of("Fairshare", "payout", p.runId() + ";", "periods"));
        List<String> periods = p.periods();
        for (int i = 0; i < periods.size(); i++) {
            words.add(periods.get(i) + (i < periods.size() - 1 ? "," : ""));
        }
        if (!p.statementIds().isEmpty()) {
            words.set(words.size() - 1, words.get(words.size() - 1) + ";");
            words.add("statements");
            for (int i = 0; i < p.statementIds().size(); i++) {
                words.add(text(p.statementIds().get(i), Integer.MAX_VALUE) + (i < p.statementIds().size() - 1 ? "," : ""));
            }
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            for (String piece : split(word)) {
                if (line.length() > 0 && line.length() + 1 + piece.length() > MAX_TEXT) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                if (line.length() > 0) {
                    line.append(' ');
                }
                line.append(piece);
            }
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A word longer than a line, cut into line-sized pieces (by code point). */
    private static List<String> split(String word) {
        List<String> pieces = new ArrayList<>();
        int[] cps = word.codePoints().toArray();
        for (int i = 0; i < cps.length; i += MAX_TEXT) {
            pieces.add(new String(cps, i, Math.min(MAX_TEXT, cps.length - i)));
        }
        return pieces;
    }

    /**
     * Text as XML 1.0 can carry it: characters XML forbids (controls other than tab, line feed, carriage
     * return; unpaired surrogates; U+FFFE, U+FFFF) become spaces, whitespace is collapsed, and the result is
     * cut to {@code max} code points. Markup characters are escaped by the StAX writer.
     */
    static String text(String value, int max) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().forEach(cp -> {
            boolean allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
                    || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
            sb.appendCodePoint(allowed && !Character.isWhitespace(cp) ? cp : ' ');
        });
        String collapsed = sb.toString().trim().replaceAll(" +", " ");
        int length = collapsed.codePointCount(0, collapsed.length());
        return length <= max ? collapsed : collapsed.substring(0, collapsed.offsetByCodePoints(0, max));
    }

    /** Indented writing on top of StAX, so that the file is readable and byte-for-byte reproducible. */
    private static final class Xml {
        private final XMLStreamWriter xml;
        private int depth;
        private boolean hadChild;

        Xml(XMLStreamWriter xml) {
            this.xml = xml;
        }

        void start(String name) throws XMLStreamException {
            newline(depth);
            xml.writeStartElement(NAMESPACE, name);
            depth++;
            hadChild = false;
        }

        void end() throws XMLStreamException {
            depth--;
            if (hadChild) {
                newline(depth);
            }
            xml.writeEndElement();
            hadChild = true;
        }

        void leaf(String name, String value) throws XMLStreamException {
            newline(depth);
            xml.writeStartElement(NAMESPACE, name);
            xml.writeCharacters(value);
            xml.writeEndElement();
            hadChild = true;
        }

        void leafWithCurrency(String name, String currency, String value) throws XMLStreamException {
            newline(depth);
            xml.writeStartElement(NAMESPACE, name);
            xml.writeAttribute("Ccy", currency);
            xml.writeCharacters(value);
            xml.writeEndElement();
            hadChild = true;
        }

        private void newline(int indent) throws XMLStreamException {
            xml.writeCharacters("\n" + "  ".repeat(indent));
        }
    }
}
