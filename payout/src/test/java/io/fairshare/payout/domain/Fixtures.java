package io.fairshare.payout.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.fairshare.payout.domain.outcome.Rejection;
import io.fairshare.payout.domain.outcome.Result;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.run.PayoutRequest;
import io.fairshare.payout.domain.statement.IssuedLine;
import io.fairshare.payout.domain.statement.IssuedStatement;
import io.fairshare.payout.domain.statement.LineCategory;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names, bank details and builders shared by the scenario tests. */
public final class Fixtures {
    public static final String KRW = "KRW";
    public static final String USD = "USD";
    public static final String MUSIC = "SOC-MUSIC";
    public static final String WRITERS = "SOC-WRITERS";
    public static final String NEWS = "SOC-NEWS";
    public static final String PLATFORM_A = "PLAT-A";
    public static final String PLATFORM_B = "PLAT-B";
    public static final Instant CREATED = Instant.parse("2026-12-05T09:00:00Z");

    private Fixtures() {
    }

    /** Valid details per society: Korean account number and bank code, or IBAN and BIC. */
    public static BankDetails bankOf(String society) {
        return switch (society) {
            case MUSIC -> BankDetails.withAccountNumber("Music Copyright Society", "KR", "123-456-789012", "004");
            case WRITERS -> new BankDetails("Writers' Association", "KR", null, "987-654-321098", "CZNBKRSE", "004");
            case NEWS -> BankDetails.withIban("News Publishers", "DE", "DE89370400440532013000", "COBADEFFXXX");
            default -> BankDetails.withIban(society + " Society", "GB", "GB82WEST12345698765432", "WESTGB2L");
        };
    }

    public static PayoutBook bookWithBanks(String... societies) {
        PayoutBook book = InMemoryPayoutRecords.book();
        for (String s : societies) {
            ok(book.registerBankDetails(s, bankOf(s)));
        }
        return book;
    }

    public static PayoutBook bookWithBanks() {
        return bookWithBanks(MUSIC, WRITERS, NEWS);
    }

    public static IssuedLine line(String society, LineCategory category, long amount) {
        return IssuedLine.of(society, category, amount);
    }

    public static IssuedLine unclaimed(long amount) {
        return IssuedLine.of(null, LineCategory.UNCLAIMED, amount);
    }

    public static IssuedStatement platformStatement(String id, String period, String platform, IssuedLine... lines) {
        return IssuedStatement.platform(id, period, platform, KRW, List.of(lines));
    }

    /**
     * The society statements that mirror the given platform statements (one currency, one issuing period):
     * every non-UNCLAIMED line, grouped by society, each remembering its platform.
     */
    public static List<IssuedStatement> societyStatementsFor(String idPrefix, String period, String currency, List<IssuedStatement> platformStatements) {
        Map<String, List<IssuedLine>> bySociety = new LinkedHashMap<>();
        for (IssuedStatement ps : platformStatements) {
            for (IssuedLine l : ps.lines()) {
                if (l.category() == LineCategory.UNCLAIMED) {
                    continue;
                }
                bySociety.computeIfAbsent(l.societyId(), s -> new ArrayList<>())
                        .add(new IssuedLine(null, ps.platformId(), l.category(), l.amount(), l.correctsPeriod()));
            }
        }
        List<IssuedStatement> result = new ArrayList<>();
        bySociety.forEach((society, lines) -> result.add(IssuedStatement.society(idPrefix + "-" + society, period, society, currency, lines)));
        return result;
    }

    /** Delivers KRW platform statements of one period and the society statements that mirror them. */
    public static void deliver(PayoutBook book, String period, IssuedStatement... platformStatements) {
        for (IssuedStatement ps : platformStatements) {
            ok(book.receiveStatement(ps));
        }
        for (IssuedStatement ss : societyStatementsFor("SS-" + platformStatements[0].statementId(), period, KRW, List.of(platformStatements))) {
            ok(book.receiveStatement(ss));
        }
    }

    public static PayoutRequest request(String runId, String valueDate) {
        return new PayoutRequest(runId, LocalDate.parse(valueDate), CREATED);
    }

    public static <T> T ok(Result<T> result) {
        if (result instanceof Result.Rejected<T> rejected) {
            fail("expected acceptance, got " + rejected.rejection());
        }
        return result.orElseThrow();
    }

    public static <T> Rejection rejected(Result<T> result) {
        if (result instanceof Result.Ok<T> ok) {
            fail("expected a rejection, got " + ok.value());
        }
        return result.rejection();
    }

    public static void assertOutcome(Handled.Outcome expected, Result<Handled> result) {
        assertEquals(expected, ok(result).outcome());
    }
}
