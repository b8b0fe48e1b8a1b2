package io.fairshare.settlement.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fairshare.service.audit.AdminAudit;
import io.fairshare.service.persistence.StorageException;
import io.fairshare.service.security.Caller;
import io.fairshare.service.security.Roles;
import io.fairshare.settlement.application.Terms;
import io.fairshare.settlement.domain.tariff.Tariff;
import io.fairshare.settlement.domain.tariff.UnitRate;
import io.fairshare.contracts.usage.UnitKind;
import io.fairshare.contracts.usage.UsageType;
import io.fairshare.testsupport.FairshareTestResources;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A terms change and its audit row are one transaction: the row exists exactly when the change
 * committed. An actor PostgreSQL cannot store (a NUL in its name makes the audit INSERT fail after the
 * change's own INSERT) must leave neither the change nor a row; with the audit on its own connection
 * after the change, the change would stay, unaudited.
 */
@QuarkusTest
@WithTestResource(FairshareTestResources.class)
class AdminAuditAtomicityTest {
    static final Caller OPERATOR = Caller.of(Roles.OPERATOR, "operator");
    static final Caller UNSTORABLE = new Caller("bad\u0000actor", Roles.OPERATOR, "operator");

    @Inject
    Terms terms;

    @Inject
    AdminAudit audit;

    static Tariff tariff() {
        return new Tariff(null, "KRW", List.of(new UnitRate(UsageType.PRE_TRAINING, UnitKind.TOKENS, new BigDecimal("1"), 1000)),
                null, null, null);
    }

    @Test
    void aTariffWhoseAuditFailsIsNotStoredAndOneThatIsStoredHasExactlyOneRow() {
        String id = "t-atomic-" + UUID.randomUUID().toString().substring(0, 8);
        assertThrows(StorageException.class, () -> terms.putTariff(UNSTORABLE, id, tariff()));
        assertTrue(terms.tariff(id).isEmpty(), "the tariff must not outlive its failed audit row");
        assertEquals(List.of(), audit.forSubject("tariff/" + id));

        assertEquals(Terms.Put.CREATED, terms.putTariff(OPERATOR, id, tariff()));
        assertEquals(Terms.Put.UNCHANGED, terms.putTariff(OPERATOR, id, tariff()));
        List<AdminAudit.Entry> rows = audit.forSubject("tariff/" + id);
        assertEquals(1, rows.size(), "one row for the one change, none for the unchanged repeat");
        assertEquals("CREATE_TARIFF", rows.get(0).action());
    }

    @Test
    void aRevenueDeclarationWhoseAuditFailsKeepsTheAmountDeclaredBefore() {
        String platform = "plat-atomic-" + UUID.randomUUID().toString().substring(0, 8);
        terms.declareRevenue(OPERATOR, platform, "2027-03", new BigDecimal("5"));
        assertThrows(StorageException.class, () -> terms.declareRevenue(UNSTORABLE, platform, "2027-03", new BigDecimal("7")));
        assertEquals(0, new BigDecimal("5").compareTo(terms.revenue("2027-03").stream()
                .filter(r -> r.platformId().equals(platform)).findFirst().orElseThrow().amount()));
        List<AdminAudit.Entry> rows = audit.forSubject("revenue/" + platform + "/2027-03");
        assertEquals(List.of("5"), rows.stream().map(AdminAudit.Entry::detail).toList());
    }
}
