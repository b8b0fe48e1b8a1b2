package io.fairshare.service.credentials;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fairshare.contracts.credentials.CredentialV1;

/** {@link CredentialV1} as the topic carries it (schema {@code credential.v1.schema.json}): ISO instants, nulls left out. */
public final class CredentialJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private CredentialJson() {
    }

    public static String write(CredentialV1 c) {
        try {
            return MAPPER.writeValueAsString(c);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a credential that cannot be written as JSON: " + c.keyId(), e);
        }
    }

    /** The credential of a JSON text; an {@link IllegalArgumentException} when it is not one. */
    public static CredentialV1 read(String json) {
        try {
            return MAPPER.readValue(json, CredentialV1.class);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not a CredentialV1: " + e.getMessage(), e);
        }
    }
}
