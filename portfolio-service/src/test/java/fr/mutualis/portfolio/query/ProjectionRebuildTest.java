package fr.mutualis.portfolio.query;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import fr.mutualis.portfolio.PortfolioServiceTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import fr.mutualis.kit.rebuild.EventStoreReadModelRebuild;
import fr.mutualis.kit.rebuild.ReadModelRebuild;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The read models are a function of the event store: a replay from scratch gives them back identical. */
class ProjectionRebuildTest extends PortfolioServiceTest {

    static final String PLATFORM_ADMIN = ISSUER.token("platform-admin", List.of(CAGV), List.of("PLATFORM_ADMIN"));

    @Autowired
    ReadModelRebuild rebuild;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aReplayFromTheEventStoreRebuildsTheSameReadModelsAndLogsItsProgress() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        assertThat(http.put("/api/portfolio/roadmaps/" + roadmapId + "/weights",
                "{\"strategicAlignment\": 3, \"userValue\": 2, \"agentValue\": 1, \"legalObligation\": 2, \"feasibility\": 1, \"risk\": 1}",
                VALMONT_AGENT, null).status()).isEqualTo(200);
        String projectId = proposeProject(roadmapId, VALMONT_AGENT);
        assertThat(assess(projectId, VALMONT_AGENT).status()).isEqualTo(200);
        approveThroughGovernance(projectId, VALMONT, VALMONT_AGENT);
        assertThat(http.post("/api/portfolio/projects/" + projectId + "/start", "{}", VALMONT_AGENT, null).status()).isEqualTo(200);
        String milestoneId = http.post("/api/portfolio/projects/" + projectId + "/milestones",
                "{\"title\": \"Recette\", \"plannedDate\": \"2026-01-15\"}", VALMONT_AGENT, null).json().get("id").asString();
        assertThat(http.post("/api/portfolio/projects/" + projectId + "/milestones/" + milestoneId + "/reach",
                "{\"actualDate\": \"2026-01-20\"}", VALMONT_AGENT, null).status()).isEqualTo(200);
        awaitProject(projectId, VALMONT_AGENT, project -> project.get("version").asLong() == 6);
        awaitCaughtUp();
        Map<String, List<String>> before = readModels();
        assertThat(before.get("project_view")).isNotEmpty();

        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger logger = (Logger) LoggerFactory.getLogger(EventStoreReadModelRebuild.class);
        logger.addAppender(logs);
        try {
            assertProblem(http.post("/api/portfolio/admin/rebuild", "", VALMONT_AGENT, null), 403);
            var started = http.post("/api/portfolio/admin/rebuild", "", PLATFORM_ADMIN, null);
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> !rebuild.status().running());
            var status = http.get("/api/portfolio/admin/rebuild", PLATFORM_ADMIN, null);
            assertThat(status.json().get("state").asString()).isEqualTo("COMPLETED");
            assertThat(status.json().get("percent").asInt()).isEqualTo(100);
            assertThat(status.json().get("perSecond").asDouble()).as("events replayed per second").isPositive();
        } finally {
            logger.detachAppender(logs);
        }

        Map<String, List<String>> after = readModels();
        before.forEach((table, rows) -> assertThat(after.get(table)).as(table).containsExactlyElementsOf(rows));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(message -> assertThat(message).startsWith("Rebuild of [portfolio-projection] started"))
                .anySatisfy(message -> assertThat(message).startsWith("Rebuild of [portfolio-projection] complete")
                        .contains("events/s"));
        assertThat(http.get("/api/portfolio/projects/" + projectId, VALMONT_AGENT, null).json().get("status").asString())
                .isEqualTo("IN_PROGRESS");
    }

    /** Every event in the store has been projected: the snapshot taken next is complete. */
    private void awaitCaughtUp() {
        StreamingEventProcessor processor = processing
                .eventProcessor(PortfolioProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        long head = jdbc.sql("SELECT max(global_index) FROM domain_event_entry").query(Long.class).single();
        await().atMost(Duration.ofSeconds(20)).until(() -> !processor.processingStatus().isEmpty()
                && processor.processingStatus().values().stream()
                .allMatch(status -> status.getCurrentPosition().orElse(-1) >= head));
    }

    /** Every row of every read model, as JSON text (comparable by value, arrays included). */
    private Map<String, List<String>> readModels() {
        return Map.of(
                "roadmap_view", rows("SELECT CAST(row_to_json(t) AS TEXT) FROM roadmap_view t ORDER BY roadmap_id"),
                "project_view", rows("SELECT CAST(row_to_json(t) AS TEXT) FROM project_view t ORDER BY project_id"),
                "milestone_view", rows("SELECT CAST(row_to_json(t) AS TEXT) FROM milestone_view t ORDER BY milestone_id"));
    }

    private List<String> rows(String sql) {
        return jdbc.sql(sql).query(String.class).list();
    }
}
