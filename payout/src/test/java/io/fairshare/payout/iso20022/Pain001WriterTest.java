package io.fairshare.payout.iso20022;

import static io.fairshare.payout.domain.Fixtures.KRW;
import static io.fairshare.payout.domain.Fixtures.MUSIC;
import static io.fairshare.payout.domain.Fixtures.NEWS;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_A;
import static io.fairshare.payout.domain.Fixtures.PLATFORM_B;
import static io.fairshare.payout.domain.Fixtures.USD;
import static io.fairshare.payout.domain.Fixtures.WRITERS;
import static io.fairshare.payout.domain.Fixtures.deliver;
import static io.fairshare.payout.domain.Fixtures.line;
import static io.fairshare.payout.domain.Fixtures.ok;
import static io.fairshare.payout.domain.Fixtures.platformStatement;
import static io.fairshare.payout.domain.Fixtures.rejected;
import static io.fairshare.payout.domain.Fixtures.request;
import static io.fairshare.payout.domain.statement.LineCategory.LICENSED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.payout.domain.outcome.ErrorCode;
import io.fairshare.payout.domain.Fixtures;
import io.fairshare.payout.domain.PayoutBook;
import io.fairshare.payout.domain.ledger.AccountType;
import io.fairshare.payout.domain.ledger.LedgerInvariants;
import io.fairshare.payout.domain.ledger.LedgerTransaction;
import io.fairshare.payout.domain.ledger.Posting;
import io.fairshare.payout.domain.ledger.SourceKind;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PeriodAllocation;
import io.fairshare.payout.domain.run.PayoutRun;
import io.fairshare.payout.domain.run.PayoutThresholds;
import io.fairshare.payout.domain.statement.IssuedStatement;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

public class Pain001WriterTest {
    private static final String NOV = "2026-11";
    private static final String SCHEMA = "shared/standards/pain.001.001.09.xsd";
    private static final Pain001Writer.Originator ORIGINATOR = new Pain001Writer.Originator("Fairshare Clearing House", "FAIRSHARE-KR", Map.of(
            KRW, BankDetails.withAccountNumber("Fairshare Clearing House", "KR", "100-200-300400", "088"),
            USD, BankDetails.withIban("Fairshare Clearing House", "DE", "DE89370400440532013000", "COBADEFFXXX")));

    private PayoutBook book;
    private PayoutRun run;

    @BeforeEach
    void aRunInTwoCurrencies() {
        book = Fixtures.bookWithBanks();
        ok(book.registerBankDetails(MUSIC, BankDetails.withAccountNumber("음악저작권협회 Music", "KR", "123-456-789012", "004")));
        deliver(book, NOV, platformStatement("PS-A-2026-11", NOV, PLATFORM_A, line(MUSIC, LICENSED, 750_000), line(WRITERS, LICENSED, 200_000)));
        ok(book.receiveStatement(IssuedStatement.platform("PS-B-2026-11-USD", NOV, PLATFORM_B, USD,
                List.of(line(NEWS, LICENSED, 123_456), line(MUSIC, LICENSED, 100)))));
        run = ok(book.runPayout(request("run-2026-12", "2026-12-07"), PayoutThresholds.none())).run();
        LedgerInvariants.assertHold(book.ledger());
    }

    /**
     * The official schema, found by walking up from the working directory; CI has shared/ beside the checkout.
     * Missing, it fails the test: a file that is never validated against the schema proves nothing.
     */
    public static Path schema() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(SCHEMA);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(SCHEMA + " not found walking up from " + Paths.get("").toAbsolutePath()
                + ": put the shared/ folder (with standards/) beside the checkout");
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static List<String> texts(Document doc, String element) {
        NodeList nodes = doc.getElementsByTagNameNS(Pain001Writer.NAMESPACE, element);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(Pain001Writer.NAMESPACE, name);
        return IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    private static String child(Element parent, String name) {
        return elements(parent, name).get(0).getTextContent();
    }

    @Test
    void aRunsFileIsValidAgainstTheOfficialSchema() throws Exception {
        Path xsd = schema();
        Pain001File file = ok(Pain001Writer.write(run, ORIGINATOR));

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                .validate(new StreamSource(new StringReader(file.xml())));

        // the same validator refuses a file that breaks the schema, so the check above is not vacuous
        String broken = file.xml().replaceFirst("<PmtMtd>TRF</PmtMtd>", "<PmtMtd>WIRE</PmtMtd>");
        assertThrows(SAXException.class, () -> SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile())
                .newValidator().validate(new StreamSource(new StringReader(broken))));

        Document doc = parse(file.xml());
        assertEquals("Document", doc.getDocumentElement().getLocalName());
        assertEquals(Pain001Writer.NAMESPACE, doc.getDocumentElement().getNamespaceURI());
        assertEquals("CstmrCdtTrfInitn", ((Element) doc.getDocumentElement().getElementsByTagNameNS(Pain001Writer.NAMESPACE, "CstmrCdtTrfInitn").item(0)).getLocalName());
    }

    @Test
    void groupHeaderCountAndControlSumEqualTheLedgersPayoutTotal() throws Exception {
        Pain001File file = ok(Pain001Writer.write(run, ORIGINATOR));
        Set<String> runPayments = run.payments().stream().map(Payment::endToEndId).collect(Collectors.toSet());
        List<LedgerTransaction> payouts = book.ledger().journal().stream()
                .filter(tx -> tx.source().kind() == SourceKind.PAYOUT && runPayments.contains(tx.source().id())).toList();
        Map<String, BigDecimal> ledgerByCurrency = new TreeMap<>();
        for (LedgerTransaction tx : payouts) {
            for (Posting p : tx.postings()) {
                if (p.account().type() == AccountType.IN_TRANSIT) {
                    ledgerByCurrency.merge(p.currency(), CurrencyUnit.require(p.currency()).toDecimal(p.amount()), BigDecimal::add);
                }
            }
        }
        BigDecimal ledgerTotal = ledgerByCurrency.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

        Document doc = parse(file.xml());
        Element header = elements(doc.getDocumentElement(), "GrpHdr").get(0);
        assertEquals(String.valueOf(payouts.size()), child(header, "NbOfTxs"));
        assertEquals("4", child(header, "NbOfTxs"));
        assertEquals(0, ledgerTotal.compareTo(new BigDecimal(child(header, "CtrlSum"))));
        assertEquals("951235.56", child(header, "CtrlSum"));
        assertEquals(new BigDecimal("951235.56"), file.controlSum());
        assertEquals(4, file.numberOfTransactions());
        for (Element pmtInf : elements(doc.getDocumentElement(), "PmtInf")) {
            String ccy = child(pmtInf, "PmtInfId").substring("run-2026-12-".length());
            List<Element> txs = elements(pmtInf, "CdtTrfTxInf");
            assertEquals(String.valueOf(txs.size()), child(pmtInf, "NbOfTxs"));
            assertEquals(0, ledgerByCurrency.get(ccy).compareTo(new BigDecimal(child(pmtInf, "CtrlSum"))), ccy);
        }
        assertEquals(List.of("run-2026-12-KRW", "run-2026-12-USD"), texts(doc, "PmtInfId"));
        assertEquals(List.of("950000", "1235.56"), elements(doc.getDocumentElement(), "PmtInf").stream().map(e -> child(e, "CtrlSum")).toList());
    }

    @Test
    void amountsAreWrittenFromMinorUnitsWithTheCurrencysDecimals() throws Exception {
        Document doc = parse(ok(Pain001Writer.write(run, ORIGINATOR)).xml());

        NodeList amounts = doc.getElementsByTagNameNS(Pain001Writer.NAMESPACE, "InstdAmt");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < amounts.getLength(); i++) {
            Element a = (Element) amounts.item(i);
            written.add(a.getAttribute("Ccy") + " " + a.getTextContent());
        }
        assertEquals(List.of("KRW 750000", "KRW 200000", "USD 1.00", "USD 1234.56"), written);
    }

    @Test
    void eachTransferCarriesItsEndToEndIdCreditorAndRemittance() throws Exception {
        Document doc = parse(ok(Pain001Writer.write(run, ORIGINATOR)).xml());
        Element first = elements(doc.getDocumentElement(), "CdtTrfTxInf").get(0);
        Payment music = run.payments().get(0);

        assertEquals(music.endToEndId(), child(first, "EndToEndId"));
        assertEquals("음악저작권협회 Music", child(elements(first, "Cdtr").get(0), "Nm"));
        assertEquals("KR", child(elements(first, "Cdtr").get(0), "Ctry"));
        assertEquals("123-456-789012", child(elements(elements(first, "CdtrAcct").get(0), "Othr").get(0), "Id"));
        assertEquals("004", child(elements(first, "CdtrAgt").get(0), "MmbId"));
        assertEquals(List.of("Fairshare payout run-2026-12; periods 2026-11; statements SS-PS-A-2026-11-SOC-MUSIC"),
                elements(first, "Ustrd").stream().map(Element::getTextContent).toList());
        Element news = elements(doc.getDocumentElement(), "CdtTrfTxInf").get(3);
        assertEquals("DE89370400440532013000", child(news, "IBAN"));
        assertEquals("COBADEFFXXX", child(elements(news, "CdtrAgt").get(0), "BICFI"));
        assertEquals("2026-12-07", texts(doc, "Dt").get(0));
        assertEquals(List.of("SLEV", "SLEV"), texts(doc, "ChrgBr"));
    }

    @Test
    void xmlSpecialCharactersInNamesAreEscaped() throws Exception {
        String name = "Kim & Lee <Music> \"Co\" 'Seoul'";
        ok(book.registerBankDetails(WRITERS, BankDetails.withAccountNumber(name, "KR", "987-654-321098", "004")));
        deliver(book, "2026-12", platformStatement("PS-A-2026-12", "2026-12", PLATFORM_A, line(WRITERS, LICENSED, 10_000)));
        PayoutRun later = ok(book.runPayout(request("run-2027-01", "2027-01-07"), PayoutThresholds.none())).run();

        Pain001File file = ok(Pain001Writer.write(later, ORIGINATOR));

        assertTrue(file.xml().contains("Kim &amp; Lee &lt;Music&gt;"), file.xml());
        assertEquals(name, child(elements(parse(file.xml()).getDocumentElement(), "Cdtr").get(0), "Nm"));
        assertValid(schema(), file);
    }

    private static void assertValid(Path xsd, Pain001File file) {
        try {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                    .validate(new StreamSource(new StringReader(file.xml())));
        } catch (Exception e) {
            throw new AssertionError("invalid pain.001: " + e.getMessage(), e);
        }
    }

    @Test
    void theSameRunAlwaysGivesTheSameFile() throws Exception {
        Pain001File one = ok(Pain001Writer.write(run, ORIGINATOR));
        PayoutRun replanned = ok(book.planRun(request("run-2026-12", "2026-12-07"), PayoutThresholds.none()));
        Pain001File two = ok(Pain001Writer.write(replanned, ORIGINATOR));

        assertEquals(one, two);
        assertEquals(List.of("2026-12-05T09:00:00Z"), texts(parse(one.xml()), "CreDtTm"));
        assertEquals(List.of("run-2026-12"), texts(parse(one.xml()), "MsgId"));
        assertTrue(one.xml().startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), one.xml().substring(0, 60));
    }

    @Test
    void longRemittanceIsSplitIntoLinesOfAtMost140Characters() {
        List<PeriodAllocation> allocations = IntStream.rangeClosed(1, 12).mapToObj(m -> new PeriodAllocation(String.format("2026-%02d", m), 1_000)).toList();
        List<String> statements = IntStream.rangeClosed(1, 12).mapToObj(m -> "SS-2026-" + m + "-" + "x".repeat(20)).toList();
        Payment p = new Payment("FS1", "run-9", MUSIC, KRW, 12_000, allocations, Fixtures.bankOf(MUSIC), statements);

        List<String> lines = Pain001Writer.remittance(p);

        assertTrue(lines.size() > 2, lines::toString);
        assertTrue(lines.stream().allMatch(l -> l.length() <= 140 && !l.isEmpty()), lines::toString);
        String periods = allocations.stream().map(PeriodAllocation::periodId).collect(Collectors.joining(", "));
        assertEquals("Fairshare payout run-9; periods " + periods + "; statements " + String.join(", ", statements), String.join(" ", lines));
        assertEquals(List.of("Fairshare payout run-9; periods 2026-01"),
                Pain001Writer.remittance(new Payment("FS2", "run-9", MUSIC, KRW, 1, List.of(new PeriodAllocation("2026-01", 1)), Fixtures.bankOf(MUSIC), List.of())));
    }

    @Test
    void textThatXmlCannotCarryIsReplacedAndCut() {
        assertEquals("a b c", Pain001Writer.text("a\u0001b \t c", 140));
        assertEquals("ab", Pain001Writer.text("abc", 2));
        assertEquals("음악", Pain001Writer.text("음악저작권", 2));
    }

    @Test
    void aRunWithoutPaymentsIsRefused() {
        PayoutRun empty = new PayoutRun("run-0", run.valueDate(), run.createdAt(), List.of(), List.of());

        assertEquals(ErrorCode.EMPTY_RUN, rejected(Pain001Writer.write(empty, ORIGINATOR)).code());
    }

    @Test
    void aCurrencyWithoutADebtorAccountIsRefused() {
        Pain001Writer.Originator krwOnly = new Pain001Writer.Originator("Fairshare", null, Map.of(KRW, ORIGINATOR.debtorAccounts().get(KRW)));

        assertEquals("no debtor account for USD payments", rejected(Pain001Writer.write(run, krwOnly)).message());
    }
}
