package io.fairshare.testsupport.arch.good.domain;

public record Share(String party, int basisPoints) {
}
