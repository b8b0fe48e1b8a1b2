package io.fairshare.testsupport.arch.good.application;

import io.fairshare.testsupport.arch.good.domain.Share;
import io.fairshare.testsupport.arch.good.persistence.ShareStore;

public class Shares {
    final ShareStore store = new ShareStore();

    public Share of(String party) {
        return new Share(party, 10_000);
    }
}
