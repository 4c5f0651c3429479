package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.PortfolioServiceTest;
import fr.mutualis.testsupport.IdempotentCreationCheck;
import org.junit.jupiter.api.Test;

import java.util.function.LongSupplier;

/**
 * Every creating {@code POST} of portfolio honours {@code Idempotency-Key} through the kit's Creations: the same
 * key twice creates once and answers the replay, the key with another body is refused (IdempotentCreationCheck).
 */
class EveryCreationIsIdempotentApiTest extends PortfolioServiceTest {

    @Test
    void roadmaps() {
        check().createsOnce("/api/portfolio/roadmaps", VALMONT_AGENT, roadmapJson(2026, 2028),
                roadmapJson(2026, 2029), rows("roadmap_view"));
    }

    @Test
    void projects() {
        String roadmap = createRoadmap(VALMONT_AGENT);
        check().createsOnce("/api/portfolio/projects", VALMONT_AGENT, projectJson(roadmap),
                projectJson(roadmap).replace("Portail open data", "Autre projet"), rows("project_view"));
    }

    @Test
    void scenarios() {
        String roadmap = createRoadmap(VALMONT_AGENT);
        check().createsOnce("/api/portfolio/roadmaps/" + roadmap + "/scenarios", VALMONT_AGENT,
                "{\"name\": \"Le strict nécessaire\", \"projectIds\": []}",
                "{\"name\": \"Un autre\", \"projectIds\": []}", rows("scenario_view"));
    }

    @Test
    void milestones() {
        String project = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        check().createsOnce("/api/portfolio/projects/" + project + "/milestones", VALMONT_AGENT,
                "{\"title\": \"Recette\", \"plannedDate\": \"2026-06-30\"}",
                "{\"title\": \"Recette\", \"plannedDate\": \"2026-07-31\"}", rows("milestone_view"));
    }

    private IdempotentCreationCheck check() {
        return new IdempotentCreationCheck(http);
    }

    private LongSupplier rows(String table) {
        return () -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
