package io.fairshare.testsupport.arch.bad.domain;

import com.fasterxml.jackson.databind.JsonNode;
import io.fairshare.testsupport.arch.bad.application.Shares;
import java.sql.Connection;

public record Share(JsonNode raw, Connection connection, Shares back) {
}
