package io.fairshare.ingest.rest;

import io.fairshare.service.rest.ApiProblem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fairshare.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * Parses a request body into a generic JSON tree (maps, lists, strings, integers, BigDecimals)
 * under strict rules: UTF-8 only, bounded nesting, no duplicate keys, nothing after the value.
 * Whatever fails is a 400 problem naming the line and column.
 */
@ApplicationScoped
public class RequestBodyParser {
    private final ObjectMapper mapper;

    public RequestBodyParser(IngestConfig config) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(config.maxNestingDepth())
                        .maxStringLength(1_000_000)
                        .maxNumberLength(100)
                        .build())
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    public Object parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new ApiProblem(400, "malformed-json", "Malformed JSON", "the request body is empty");
        }
        try {
            return mapper.readValue(body, Object.class);
        } catch (StreamConstraintsException e) {
            throw new ApiProblem(400, "json-limits", "JSON beyond limits", e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new ApiProblem(400, "malformed-json", "Malformed JSON", e.getOriginalMessage() + where);
        } catch (IOException e) {
            throw new ApiProblem(400, "malformed-json", "Malformed JSON", "the body could not be read as UTF-8 JSON");
        }
    }

}
