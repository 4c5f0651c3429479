package fr.mutualis.e2e;

import fr.mutualis.client.ApiClient;
import fr.mutualis.client.ApiException;
import fr.mutualis.client.api.ProjectApi;
import fr.mutualis.client.api.RoadmapApi;
import fr.mutualis.client.model.AssessProjectRequest;
import fr.mutualis.client.model.CreateRoadmapRequest;
import fr.mutualis.client.model.Entry;
import fr.mutualis.client.model.ProjectView;
import fr.mutualis.client.model.ProposeProjectRequest;
import fr.mutualis.client.model.RankingView;
import fr.mutualis.client.model.RoadmapView;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Territory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A whole portfolio flow driven by the Java client generated at build time from the committed aggregated OpenAPI
 * document (e2e/pom.xml): draft a roadmap, propose two projects, assess them, rank them, and a refusal read as the
 * documented problem. Nothing here is hand-written HTTP: what the document says is what a client gets.
 */
@ExtendWith(Platform.class)
class GeneratedClientTest {

    @Test
    void aRoadmapIsDraftedItsProjectsProposedAssessedAndRankedWithTheGeneratedClient() throws ApiException {
        // A territory of its own: the demo collectivités' counts are checked by other classes of the run.
        Territory territory = Territory.create();
        String token = territory.agent(territory.ville);
        ApiClient client = new ApiClient();
        client.updateBaseUri(Platform.stack().gatewayUrl());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        RoadmapApi roadmaps = new RoadmapApi(client);
        ProjectApi projects = new ProjectApi(client);

        UUID roadmapId = UUID.fromString(roadmaps.draftRoadmap(new CreateRoadmapRequest()
                .title("Feuille de route générée").startYear(2026).endYear(2028)
                .axes(Set.of(CreateRoadmapRequest.AxesEnum.OPEN_DATA, CreateRoadmapRequest.AxesEnum.DEMATERIALISATION)),
                null, null).get("id").toString());
        RoadmapView roadmap = roadmaps.getRoadmap(roadmapId);
        assertThat(roadmap.getStatus()).isEqualTo("DRAFT");

        UUID modest = propose(projects, roadmapId, "Portail open data");
        UUID urgent = propose(projects, roadmapId, "Parapheur électronique");
        projects.assessProject(modest, scores(2), null);
        projects.assessProject(urgent, scores(5), null);

        RankingView ranking = await().atMost(Duration.ofSeconds(30)).until(() -> roadmaps.getRoadmapRanking(roadmapId),
                view -> view.getItems().size() == 2 && view.getItems().stream().allMatch(entry -> entry.getScores() != null));
        assertThat(ranking.getItems()).extracting(Entry::getProjectId).containsExactly(urgent, modest);
        assertThat(ranking.getItems()).extracting(Entry::getRank).containsExactly(1, 2);
        ProjectView assessed = projects.getProject(urgent);
        assertThat(assessed.getPriority()).isNotNull();

        assertThatThrownBy(() -> roadmaps.getRoadmap(UUID.randomUUID()))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(404);
                    assertThat(refused.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(type ->
                            assertThat(type).startsWith("application/problem+json"));
                });
    }

    /** No Idempotency-Key and no dry run (the operation's two optional parameters): a plain creation. */
    private static UUID propose(ProjectApi projects, UUID roadmapId, String title) throws ApiException {
        return UUID.fromString(projects.proposeProject(new ProposeProjectRequest()
                .roadmapId(roadmapId).title(title).description("Proposé par le client généré")
                .axis(ProposeProjectRequest.AxisEnum.DEMATERIALISATION)
                .theme(ProposeProjectRequest.ThemeEnum.BUSINESS_SERVICES)
                .sponsor("Adjointe au numérique").manager("DSI")
                .plannedStart(LocalDate.of(2026, 3, 1)).plannedEnd(LocalDate.of(2027, 6, 30))
                .estimatedInvestmentCents(1_800_000L).estimatedOperatingCents(250_000L), null, null)
                .get("id").toString());
    }

    private static AssessProjectRequest scores(int score) {
        return new AssessProjectRequest().strategicAlignment(score).userValue(score).agentValue(score)
                .feasibility(score).legalObligation(score).risk(6 - score);
    }
}
