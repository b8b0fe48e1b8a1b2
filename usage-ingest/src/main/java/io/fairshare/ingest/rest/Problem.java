package io.fairshare.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fairshare.ingest.domain.FieldError;
import java.util.List;

/** RFC 9457 problem details, as sent with media type application/problem+json. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://fairshare.io/problems/";
}
