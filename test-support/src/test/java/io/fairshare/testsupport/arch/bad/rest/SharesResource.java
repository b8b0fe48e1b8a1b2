package io.fairshare.testsupport.arch.bad.rest;

import io.fairshare.testsupport.arch.bad.persistence.ShareStore;

public class SharesResource {
    final ShareStore store = new ShareStore();
}
