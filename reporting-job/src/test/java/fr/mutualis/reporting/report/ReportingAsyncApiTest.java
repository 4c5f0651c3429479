package fr.mutualis.reporting.report;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** contracts' asyncapi/reporting.yaml describes exactly what the job publishes on mutualis.reporting.territory. */
class ReportingAsyncApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentHasEveryFieldOfTheReportAndNoOther() throws Exception {
        Map<String, Object> document;
        try (InputStream in = getClass().getResourceAsStream("/asyncapi/reporting.yaml")) {
            document = new Yaml().load(in);
        }
        Map<String, Object> channel = (Map<String, Object>) ((Map<String, Object>) document.get("channels")).get("territory");
        assertThat(channel.get("address")).isEqualTo("mutualis.reporting.territory");
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Object> payload = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                components.get("messages")).get("TerritoryReport")).get("payload");
        Map<String, Object> schemas = (Map<String, Object>) components.get("schemas");

        assertFields(TerritoryReport.class, payload);
        Map<String, Object> properties = (Map<String, Object>) payload.get("properties");
        assertFields(TerritoryReport.Budget.class, (Map<String, Object>) properties.get("budget"));
        assertFields(TerritoryReport.Portfolio.class, (Map<String, Object>) properties.get("portfolio"));
        assertFields(TerritoryReport.Governance.class, (Map<String, Object>) properties.get("governance"));
        assertFields(TerritoryReport.Evaluation.class, (Map<String, Object>) properties.get("evaluation"));
        assertFields(TerritoryReport.Section.class, (Map<String, Object>) schemas.get("Section"));
    }

    @SuppressWarnings("unchecked")
    private static void assertFields(Class<? extends Record> type, Map<String, Object> schema) {
        List<String> fields = Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
        assertThat(((Map<String, Object>) schema.get("properties")).keySet()).as(type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(fields);
        assertThat(fields).as(type.getSimpleName()).containsAll((List<String>) schema.get("required"));
    }
}
