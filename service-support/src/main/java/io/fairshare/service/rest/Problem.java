package io.fairshare.service.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * RFC 9457 problem details, sent as application/problem+json. {@code errors} carries field-level
 * reasons (each service's own error record: field, code, message).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, List<?> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://fairshare.io/problems/";
}
