package io.fairshare.payout.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.fairshare.contracts.money.CurrencyUnit;
import io.fairshare.contracts.money.Money;
import io.fairshare.payout.domain.payment.BankDetails;
import io.fairshare.payout.domain.payment.Payment;
import io.fairshare.payout.domain.payment.PeriodAllocation;
import io.fairshare.payout.domain.payment.Receipt;
import io.fairshare.payout.domain.run.CarriedForward;
import io.fairshare.payout.domain.run.PayoutRun;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored documents keep their shape: long minor units and a currency code, no derived {@code money} field. */
class JsonTest {
    private static final Payment PAYMENT = new Payment("FS0123", "R-1", "SOC-MUSIC", "USD", 123456,
            List.of(new PeriodAllocation("2026-10", 100000), new PeriodAllocation("2026-11", 23456)),
            BankDetails.withAccountNumber("Music Copyright Society", "KR", "123-456-789012", "004"), List.of("ST-1"));

    @Test
    void aPaymentIsStoredAsMinorUnitsAndACodeAndReadBackEqual() {
        String json = Json.write(PAYMENT);
        assertFalse(json.contains("money"), json);
        assertEquals(PAYMENT, Json.read(json, Payment.class));
        assertEquals(Money.ofMinor(123456, CurrencyUnit.require("USD")), PAYMENT.money());
        assertEquals("1234.56", PAYMENT.money().toPlainString());
    }

    @Test
    void aRunAndAReceiptKeepTheirShape() {
        PayoutRun run = new PayoutRun("R-1", LocalDate.parse("2026-12-10"), Instant.parse("2026-12-07T09:00:00Z"), List.of(PAYMENT),
                List.of(new CarriedForward("SOC-NEWS", "KRW", 9000, CarriedForward.Reason.BELOW_THRESHOLD, 10000)));
        String json = Json.write(run);
        assertFalse(json.contains("money") || json.contains("Money"), json);
        assertEquals(run, Json.read(json, PayoutRun.class));
        assertEquals(Money.ofMinor(10000, CurrencyUnit.require("KRW")), run.carriedForward().get(0).thresholdMoney());

        Receipt receipt = new Receipt("PLAT-A", "key-1", "BHD", 1234, LocalDate.parse("2026-12-01"), "REF");
        String stored = Json.write(receipt);
        assertFalse(stored.contains("money"), stored);
        assertEquals(receipt, Json.read(stored, Receipt.class));
        assertEquals("1.234", receipt.money().toPlainString());
    }
}
