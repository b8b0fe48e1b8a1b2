package io.fairshare.testsupport.arch.good.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.testsupport.arch.good.application.Shares;
import io.fairshare.testsupport.arch.good.domain.Share;

public class SharesResource {
    final Shares shares = new Shares();

    public Share post(JsonNode body) {
        return shares.of(body.get("party").asText());
    }
}
