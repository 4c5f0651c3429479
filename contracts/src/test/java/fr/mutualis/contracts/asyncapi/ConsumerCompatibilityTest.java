package fr.mutualis.contracts.asyncapi;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each kind of change a consumer cannot survive is caught, and each one it can is let through. */
class ConsumerCompatibilityTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String RELEASED = """
            {"type": "object", "required": ["lineId", "section", "projectId"],
             "properties": {
               "lineId": {"type": "string", "format": "uuid"},
               "section": {"type": "string", "enum": ["INVESTMENT", "OPERATING"]},
               "projectId": {"type": ["string", "null"], "format": "uuid"},
               "schedule": {"type": "array", "items": {"type": "object", "required": ["year"],
                            "properties": {"year": {"type": "integer"}, "amountCents": {"type": "integer"}}}},
               "share": {"type": "number"}}}""";

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertThat(changes(RELEASED)).isEmpty();
    }

    @Test
    void aFieldRemovedOrRenamedBreaks() {
        assertThat(changes(RELEASED.replace("\"lineId\": {", "\"budgetLineId\": {")))
                .contains("m.lineId: field removed or renamed");
        assertThat(changes(RELEASED.replace("\"amountCents\": {\"type\": \"integer\"}", "\"cents\": {\"type\": \"integer\"}")))
                .containsExactly("m.schedule[items].amountCents: field removed or renamed");
    }

    @Test
    void aTypeOrFormatChangedBreaks() {
        assertThat(changes(RELEASED.replace("\"year\": {\"type\": \"integer\"}", "\"year\": {\"type\": \"string\"}")))
                .containsExactly("m.schedule[items].year: type changed from [integer] to [string]");
        assertThat(changes(RELEASED.replace("\"share\": {\"type\": \"number\"}", "\"share\": {\"type\": \"string\"}")))
                .containsExactly("m.share: type changed from [number, integer] to [string]");
        assertThat(changes(RELEASED.replace("{\"type\": \"string\", \"format\": \"uuid\"}", "{\"type\": \"string\"}")))
                .containsExactly("m.lineId: format changed from \"uuid\" to null");
    }

    @Test
    void aFieldThatMayNowBeNullIsATypeChange() {
        assertThat(changes(RELEASED.replace("\"lineId\": {\"type\": \"string\"", "\"lineId\": {\"type\": [\"string\", \"null\"]")))
                .containsExactly("m.lineId: type changed from [string] to [string, null]");
    }

    @Test
    void aNewRequiredFieldBreaksAndSoDoesAFieldNoLongerRequired() {
        assertThat(changes(RELEASED.replace("[\"lineId\", \"section\", \"projectId\"]", "[\"lineId\", \"section\", \"projectId\", \"share\"]")))
                .containsExactly("m.share: new required field (records already published lack it)");
        assertThat(changes(RELEASED.replace("[\"lineId\", \"section\", \"projectId\"]", "[\"lineId\", \"section\"]")))
                .containsExactly("m.projectId: no longer required (consumers rely on its presence)");
    }

    @Test
    void anEnumValueRemovedBreaks() {
        assertThat(changes(RELEASED.replace("[\"INVESTMENT\", \"OPERATING\"]", "[\"INVESTMENT\"]")))
                .containsExactly("m.section: enum value \"OPERATING\" removed");
    }

    @Test
    void aMessageRemovedBreaksAndANewMessagePasses() {
        JsonNode schema = JSON.readTree(RELEASED);
        assertThat(ConsumerCompatibility.breakingChanges(Map.of("a v1", schema, "b v1", schema), Map.of("a v1", schema)))
                .containsExactly("b v1: message removed");
        assertThat(ConsumerCompatibility.breakingChanges(Map.of("a v1", schema), Map.of("a v1", schema, "a v2", schema)))
                .isEmpty();
    }

    @Test
    void newOptionalFieldsNewEnumValuesNarrowerTypesAndNewDescriptionsPass() {
        String current = RELEASED
                .replace("\"share\": {\"type\": \"number\"}", "\"share\": {\"type\": \"number\", \"description\": \"percent\"},"
                        + " \"chapter\": {\"type\": [\"string\", \"null\"]}")
                .replace("\"amountCents\": {\"type\": \"integer\"}", "\"amountCents\": {\"type\": \"integer\"}, \"label\": {\"type\": \"string\"}")
                .replace("[\"INVESTMENT\", \"OPERATING\"]", "[\"INVESTMENT\", \"OPERATING\", \"MIXED\"]")
                .replace("\"projectId\": {\"type\": [\"string\", \"null\"]", "\"projectId\": {\"type\": \"string\"");
        assertThat(changes(current)).isEmpty();
    }

    private static java.util.List<String> changes(String current) {
        return ConsumerCompatibility.breakingChanges("m", JSON.readTree(RELEASED), JSON.readTree(current));
    }
}
