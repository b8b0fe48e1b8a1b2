package io.fairshare.payout.it;

import static io.fairshare.payout.it.PayoutApi.assertBooksSound;
import static io.fairshare.payout.it.PayoutApi.count;
import static io.fairshare.payout.it.PayoutApi.id;
import static io.fairshare.payout.it.PayoutApi.operator;
import static io.fairshare.payout.it.PayoutApi.payable;
import static io.fairshare.payout.it.PayoutApi.paymentsTo;
import static io.fairshare.payout.it.PayoutApi.publishAndAwait;
import static io.fairshare.payout.it.PayoutApi.registerBankDetails;
import static io.fairshare.payout.it.PayoutApi.run;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.fairshare.contracts.statements.AmountCategory;
import io.fairshare.contracts.statements.StatementAmountV1;
import io.fairshare.contracts.statements.StatementIssuedV1;
import io.fairshare.contracts.statements.StatementKind;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Held-back money (a reserved-work penalty) stays out of payouts until a decision releases it to the payee. */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class HoldbackReleaseTest {
    @Inject
    AgroalDataSource db;

    @AfterEach
    void theBooksStaySound() throws Exception {
        assertBooksSound(db);
    }

    @Test
    void aReservedPenaltyIsHeldUntilReleasedAndThenPaid() throws Exception {
        String platform = id("plat-held");
        String society = id("S-HELD");
        List<StatementAmountV1> amounts = List.of(new StatementAmountV1(platform, society, null, AmountCategory.LICENSED, 10_000),
                new StatementAmountV1(platform, society, null, AmountCategory.RESERVED_PENALTY, 12_000));
        Instant issuedAt = Instant.parse("2026-12-01T00:00:00Z");
        publishAndAwait(db, List.of(
                new StatementIssuedV1("2026-05/platform/" + platform, StatementKind.PLATFORM, "2026-05", null, null, platform, "KRW", 22_000,
                        "0".repeat(64), List.of(), amounts, issuedAt),
                new StatementIssuedV1("2026-05/society/" + society, StatementKind.SOCIETY, "2026-05", society, null, null, "KRW", 22_000,
                        "0".repeat(64), List.of(), amounts, issuedAt)));
        assertEquals(10_000, payable(db, society));
        assertEquals(12_000, count(db, "SELECT balance FROM account WHERE acc_type = 'HOLDBACK_RESERVED' AND owner = ?", society));
        registerBankDetails(society);
        assertEquals(10_000, ((Number) paymentsTo(run(id("R-HELD1"), "2026-06-10", 201), List.of(society)).get(society).get("amountMinor"))
                .longValue());

        Map<String, Object> release = Map.of("holdback", Map.of("type", "HOLDBACK_RESERVED", "owner", society, "period", "2026-05", "currency", "KRW"),
                "amountMinor", 12_000, "beneficiary", Map.of("kind", "SOCIETY", "id", society));
        String first = operator().contentType("application/json").body(release).put("/v1/holdback-releases/{id}", id("rel-1"))
                .then().statusCode(201).body("credited", equalTo("PAYABLE:" + society + ":2026-05:KRW")).extract().asString();
        String again = operator().contentType("application/json").body(release).put("/v1/holdback-releases/{id}", id("rel-1"))
                .then().statusCode(200).extract().asString();
        assertEquals(first, again);
        operator().contentType("application/json").body(Map.of("holdback", release.get("holdback"), "amountMinor", 1, "beneficiary",
                release.get("beneficiary"))).put("/v1/holdback-releases/{id}", id("rel-1"))
                .then().statusCode(409).body("type", containsString("release-id-conflict"));
        operator().contentType("application/json").body(release).put("/v1/holdback-releases/{id}", id("rel-2"))
                .then().statusCode(409).body("type", containsString("holdback-release-exceeds-balance"));

        assertEquals(12_000, payable(db, society));
        assertEquals(0, count(db, "SELECT balance FROM account WHERE acc_type = 'HOLDBACK_RESERVED' AND owner = ?", society));
        assertEquals(12_000, ((Number) paymentsTo(run(id("R-HELD2"), "2026-07-10", 201), List.of(society)).get(society).get("amountMinor"))
                .longValue());
        assertEquals(0, payable(db, society));
    }
}
