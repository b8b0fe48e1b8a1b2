package io.fairshare.testsupport.arch.bad.domain.pricing;

import io.fairshare.testsupport.arch.bad.domain.tariff.Tariff;

public record Price(long minor, Tariff from) {
}
