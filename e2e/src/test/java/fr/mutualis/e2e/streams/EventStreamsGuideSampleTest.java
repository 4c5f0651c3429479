package fr.mutualis.e2e.streams;

import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Sirens;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.Isolated;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The consumer's guide's sample job, run on the platform's real portfolio topic: a fresh collectivité proposes two
 * projects and assesses one through the gateway, and the job counts one PROPOSED and one ASSESSED for it; reading
 * everything a second time (a redelivery of the whole topic) changes nothing, because it deduplicates on event ids.
 * docs/event-streams.md quotes the job verbatim.
 */
@ExtendWith(Platform.class)
@Isolated("Two runs of the sample job over the topics must agree, which another class's records would break")
class EventStreamsGuideSampleTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSampleJobCountsATenantsProjectsByStatusFromTheRealTopic() {
        LocalStack stack = Platform.stack();
        TestHttp gateway = Platform.gateway();
        String siren = Sirens.next();
        String secret = "secret-" + UUID.randomUUID();
        stack.registerClient("agent-" + siren, secret, List.of(siren), List.of("AGENT"));
        stack.registerClient("admin-" + siren, secret, List.of(siren), List.of("PLATFORM_ADMIN"));
        String agent = stack.token("agent-" + siren, secret);
        expect(201, gateway.post("/api/governance/collectivites", json(Map.of("siren", siren, "name", "Commune de Valbois",
                "kind", "COMMUNE", "population", 23_000)), stack.token("admin-" + siren, secret), null));
        String roadmap = expect(201, gateway.post("/api/portfolio/roadmaps", json(Map.of("title", "Feuille de route",
                "startYear", 2026, "endYear", 2028, "axes", List.of("OPEN_DATA"))), agent, null)).json().get("id").asString();
        String first = propose(gateway, agent, roadmap);
        propose(gateway, agent, roadmap);
        expect(200, gateway.post("/api/portfolio/projects/" + first + "/assessment", json(Map.of("strategicAlignment", 4,
                "userValue", 4, "agentValue", 3, "legalObligation", 2, "feasibility", 4, "risk", 1)), agent, null));

        ProjectsByStatusJob job = new ProjectsByStatusJob();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(job.run(stack.kafkaBootstrapServers()))
                .containsEntry(siren, Map.of("ASSESSED", 1, "PROPOSED", 1)));
        var report = job.run(stack.kafkaBootstrapServers());
        assertThat(report).containsEntry(siren, Map.of("ASSESSED", 1, "PROPOSED", 1));
        assertThat(new ProjectsByStatusJob().run(stack.kafkaBootstrapServers())).isEqualTo(report);
    }

    @Test
    void theGuideQuotesTheSampleAsItIs() throws IOException {
        String source = Files.readString(Path.of("src/test/java/fr/mutualis/e2e/streams/ProjectsByStatusJob.java"));
        String sample = source.substring(source.indexOf("// guide-sample-start\n") + "// guide-sample-start\n".length(),
                source.indexOf("    // guide-sample-end"));

        assertThat(Files.readString(Path.of("../docs/event-streams.md"))).contains("```java\n" + sample + "```\n");
    }

    private static String propose(TestHttp gateway, String agent, String roadmap) {
        return expect(201, gateway.post("/api/portfolio/projects", json(Map.of("roadmapId", roadmap, "title", "Portail",
                "description", "x", "axis", "OPEN_DATA", "theme", "USER_SERVICES", "plannedStart", "2026-03-01",
                "plannedEnd", "2026-12-31", "estimatedInvestmentCents", 100, "estimatedOperatingCents", 10)), agent, null))
                .json().get("id").asString();
    }

    private static Response expect(int status, Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
