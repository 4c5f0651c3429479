package fr.mutualis.contracts.asyncapi;

import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Topics;
import org.junit.jupiter.api.Test;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message has an example, and each example is a record the document accepts (value, key and headers): the
 * examples a consumer copies are right, and the validator the end-to-end tests use does reject what is wrong.
 */
class AsyncApiExamplesTest {

    private final AsyncApiMessages documents = AsyncApiMessages.load("asyncapi");

    @Test
    void everyMessageHasAnExampleThatItsDocumentAccepts() {
        // every published event, none missed by the loader
        assertThat(documents.messages()).hasSize(IntegrationEvents.BY_TOPIC.values().stream().mapToInt(List::size).sum());
        for (AsyncApiMessages.Message message : documents.messages()) {
            JsonNode examples = message.node().path("examples");
            assertThat(examples.size()).as(message.type()).isPositive();
            for (JsonNode example : examples) {
                JsonNode value = example.path("payload");
                assertThat(documents.problems(message.topic(), value.path("aggregateId").asString(),
                        headers(example), value.toString())).as(message.type()).isEmpty();
            }
        }
    }

    @Test
    void aRecordThatBreaksItsMessageIsReportedWithWhatIsWrong() {
        AsyncApiMessages.Message message = documents.message("budget.BudgetLineOpened", 1).orElseThrow();
        JsonNode example = message.node().path("examples").path(0);
        ObjectNode value = (ObjectNode) example.path("payload").deepCopy();
        ((ObjectNode) value.path("payload")).remove("chapter");
        ((ObjectNode) value.path("payload")).put("section", "CAPITAL");
        value.put("eventId", "not-a-uuid");
        Map<String, String> headers = headers(example);
        headers.remove(EventHeaders.EVENT_TYPE);

        assertThat(String.join("\n", documents.problems(Topics.BUDGET, UUID.randomUUID().toString(), headers, value.toString())))
                .contains("chapter").contains("/payload/section").contains("/eventId").contains(EventHeaders.EVENT_TYPE)
                .contains("key is");
        assertThat(documents.problems(Topics.PORTFOLIO, value.path("aggregateId").asString(), headers(example),
                example.path("payload").toString())).singleElement().asString().contains("no message budget.BudgetLineOpened");
        assertThat(documents.problems(Topics.BUDGET, "k", headers(example),
                example.path("payload").toString().replace("\"version\":1", "\"version\":2"))).singleElement()
                .asString().contains("no message");
    }

    private static Map<String, String> headers(JsonNode example) {
        Map<String, String> headers = new LinkedHashMap<>();
        example.path("headers").properties().forEach(entry -> headers.put(entry.getKey(), entry.getValue().asString()));
        return headers;
    }
}
