package fr.mutualis.reporting.api;

import fr.mutualis.testsupport.CommittedApiDocument;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestInfrastructure;
import fr.mutualis.testsupport.TestTokenIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read API over real HTTP, with the job's Kafka Streams on a real broker: its OpenAPI document follows the kit's
 * contract rules and is the committed {@code contracts/.../openapi/reporting.json}, and its refusals are the
 * problem+json that document describes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// The job's state lives in this class's temporary directory: the job stops before JUnit deletes it, not at the JVM's end.
@DirtiesContext
class ReportingApiTest {

    private static final String VALMONT = "200000001";

    @TempDir
    static Path stateDir;

    @LocalServerPort
    int port;

    private TestHttp http;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
        registry.add("mutualis.reporting.state-dir", () -> stateDir.toString());
        TestTokenIssuer.shared().register(registry);
    }

    @BeforeEach
    void client() {
        http = new TestHttp("http://localhost:" + port);
    }

    @Test
    void theOpenApiDocumentFollowsTheContractRulesAndIsTheCommittedOne() {
        CommittedApiDocument.assertFollowsTheRulesAndIsCommitted(http, "reporting");
    }

    @Test
    void theDocumentDescribesTheAnswerAndItsProblems() {
        var operation = http.get("/v3/api-docs", null, null).json().at("/paths/~1api~1reporting~1territory/get");
        assertThat(operation.path("operationId").asString()).isEqualTo("listTerritoryReports");
        assertThat(operation.at("/responses/200/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/TerritoryAnswer");
        assertThat(operation.path("responses").propertyNames()).contains("200", "400", "401", "403", "503");
        // Read as text by the handler, documented as the integers it accepts.
        assertThat(operation.at("/parameters/0/name").asString()).isEqualTo("fiscalYear");
        assertThat(operation.at("/parameters/0/required").asBoolean()).isTrue();
        assertThat(operation.at("/parameters/0/schema/type").asString()).isEqualTo("integer");
    }

    @Test
    void anInvalidQuarterIsAProblemNamingTheField() {
        String token = TestTokenIssuer.shared().token("agent", List.of(VALMONT), List.of("AGENT"));
        TestHttp.Response answer = http.get("/api/reporting/territory?fiscalYear=2026&quarter=5", token, VALMONT);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().at("/errors/0/field").asString()).isEqualTo("quarter");
    }
}
