package io.fairshare.testsupport.arch.bad.domain.tariff;

import io.fairshare.testsupport.arch.bad.domain.pricing.Price;

public record Tariff(Price minimum) {
}
