package io.fairshare.settlement.domain.tariff;

import io.fairshare.settlement.domain.close.Fixtures;

import io.fairshare.contracts.errors.FieldError;

import static io.fairshare.contracts.usage.UnitKind.BYTES;
import static io.fairshare.contracts.usage.UnitKind.TOKENS;
import static io.fairshare.contracts.usage.UsageType.PRE_TRAINING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TariffValidatorTest {
    @Test
    void aTariffCombiningAllFourModelsIsValid() {
        Tariff t = new Tariff("KOMCA-OPENAI-2026", "KRW",
                List.of(new UnitRate(PRE_TRAINING, TOKENS, new BigDecimal("1.2"), 1000)),
                new MinimumFee(new BigDecimal("1000000")),
                new RevenueShare(250, Map.of(BYTES, new BigDecimal("0.25"))),
                new TrainingFee(new BigDecimal("5000000")));
        assertEquals(List.of(), TariffValidator.validate(t));
    }

    @Test
    void everyProblemIsReportedWithItsFieldPath() {
        Tariff t = new Tariff("bad id!", "USD",
                java.util.Arrays.asList(
                        new UnitRate(PRE_TRAINING, TOKENS, new BigDecimal("-1"), 0),
                        new UnitRate(PRE_TRAINING, TOKENS, new BigDecimal("0.0000000000001"), 1000),
                        new UnitRate(PRE_TRAINING, BYTES, BigDecimal.ONE, 3),
                        null),
                new MinimumFee(new BigDecimal("10.005")),
                new RevenueShare(0, Map.of(BYTES, BigDecimal.ZERO)),
                new TrainingFee(null));
        List<String> fields = TariffValidator.validate(t).stream().map(e -> e.field() + " " + e.code()).toList();
        assertEquals(List.of(
                "id INVALID_ID",
                "unitRates[0].amount NEGATIVE",
                "unitRates[0].per NOT_POSITIVE",
                "unitRates[1].amount TOO_PRECISE",
                "unitRates[1] DUPLICATE_RATE",
                "unitRates[2].per NOT_DECIMAL_DIVISOR",
                "unitRates[3] REQUIRED",
                "minimumFee.amount TOO_PRECISE",
                "revenueShare.basisPoints OUT_OF_RANGE",
                "revenueShare.unitKindWeights.bytes NOT_POSITIVE",
                "trainingFee.amount REQUIRED"), fields);
    }

    @Test
    void aTariffNeedsAModelAndAKnownCurrency() {
        List<FieldError> errors = TariffValidator.validate(new Tariff("T1", "XYZ", List.of(), null, null, null));
        assertEquals(List.of("currency UNKNOWN_CURRENCY", " NO_MODEL"), errors.stream().map(e -> e.field() + " " + e.code()).toList());
    }

    @Test
    void theStatutoryTariffMustPriceEveryUseAndPenaliseAtLeastOnefold() {
        assertEquals(List.of(), TariffValidator.validate(Fixtures.statutory()));
        StatutoryScheme partial = new StatutoryScheme(
                new Tariff("STAT", "KRW", List.of(new UnitRate(PRE_TRAINING, TOKENS, BigDecimal.ONE, 1)), null, null, null),
                new BigDecimal("0.5"));
        List<FieldError> errors = TariffValidator.validate(partial);
        // 16 combinations, one priced: 15 missing rates, plus the multiplier.
        assertEquals(15, errors.stream().filter(e -> e.code().equals("STATUTORY_RATE_MISSING")).count());
        assertEquals(new FieldError("reservedPenaltyMultiplier", "OUT_OF_RANGE", "the penalty multiplier must be at least 1, was 0.5"),
                errors.get(errors.size() - 1));
    }
}
