package io.fairshare.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Checks a topic's Java type against its JSON Schema, the way producers and consumers use them:
 * serialised as Quarkus serialises (ISO dates, nulls left out), read as Quarkus reads (unknown
 * fields tolerated, so that additive schema changes do not break old consumers).
 */
final class ContractCheck {
    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // decimals stay exact in trees too, so that a round trip compares equal
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    private ContractCheck() {
    }

    static JsonSchema schema(String name) {
        try (InputStream in = ContractCheck.class.getResourceAsStream("/schemas/" + name)) {
            if (in == null) {
                throw new IllegalStateException("schema " + name + " is missing");
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            // $ref between schemas resolves from the classpath, never from the network
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                            b -> b.schemaMappers(m -> m.mapPrefix("https://fairshare.io/schemas/", "classpath:schemas/")))
                    .getSchema(in, config);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> violations(JsonSchema schema, JsonNode json) {
        return schema.validate(json).stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(TreeSet::new));
    }

    static JsonNode produce(Object event) {
        return MAPPER.valueToTree(event);
    }

    /** The top-level property names a schema declares and those a record type has must be the same. */
    static void sameFields(JsonSchema schema, Class<? extends Record> type) {
        Set<String> declared = new TreeSet<>();
        schema.getSchemaNode().get("properties").fieldNames().forEachRemaining(declared::add);
        Set<String> components = new TreeSet<>();
        for (RecordComponent c : type.getRecordComponents()) {
            components.add(c.getName());
        }
        assertEquals(declared, components, type.getSimpleName() + " and its schema disagree on the fields");
    }
}
