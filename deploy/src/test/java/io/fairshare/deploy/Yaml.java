package io.fairshare.deploy;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Strict YAML and JSON reading: a key given twice in one mapping is an error, not a silent override. */
final class Yaml {
    static final YAMLMapper YAML = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private Yaml() {
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The one document of a YAML text. */
    static JsonNode document(String text) {
        List<JsonNode> docs = documents(text);
        if (docs.size() != 1) {
            throw new IllegalArgumentException("expected one YAML document, found " + docs.size());
        }
        return docs.get(0);
    }

    static JsonNode document(Path file) {
        return document(read(file));
    }

    /** Every non-empty document of a YAML text (documents separated by ---). */
    static List<JsonNode> documents(String text) {
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
            List<JsonNode> docs = new ArrayList<>();
            while (it.hasNextValue()) {
                JsonNode doc = it.nextValue();
                if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                    docs.add(doc);
                }
            }
            return docs;
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid YAML: " + e.getMessage(), e);
        }
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
        }
    }
}
