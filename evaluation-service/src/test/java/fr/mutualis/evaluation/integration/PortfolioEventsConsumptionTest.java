package fr.mutualis.evaluation.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.contracts.portfolio.RoadmapAdopted;
import fr.mutualis.contracts.portfolio.RoadmapClosed;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.evaluation.EvaluationIntegrationTest;
import fr.mutualis.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListenerContainer;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Evaluation learns the portfolio through real Kafka records: applied once despite duplicates, whatever the order
 * of arrival, and a poison record goes to the dead-letter topic without stopping the consumer.
 */
class PortfolioEventsConsumptionTest extends EvaluationIntegrationTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Test
    void aProposedProjectShowsOnTheDashboardOnceEvenWhenDeliveredTwice() {
        String tenant = newSiren();
        UUID roadmapId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        EventEnvelope roadmap = envelope(tenant, roadmapId, 0, new RoadmapDrafted(roadmapId, tenant, "SDN", 2026, 2028, List.of("OPEN_DATA")));
        EventEnvelope project = envelope(tenant, projectId, 0, new ProjectProposed(projectId, roadmapId, tenant, "Portail open data",
                "OPEN_DATA", "USER_SERVICES", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), 100, 200));
        double duplicatesBefore = duplicatesOf("portfolio.ProjectProposed");
        // The project before its roadmap, and the project twice: order-tolerant and idempotent.
        send(Topics.PORTFOLIO, project);
        send(Topics.PORTFOLIO, roadmap);
        send(Topics.PORTFOLIO, project);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            var dashboard = http.get("/api/evaluation/dashboard", agent(tenant), null).json();
            assertThat(dashboard.get("projects").get("total").asLong()).isEqualTo(1);
            assertThat(dashboard.get("projects").get("byStatus").get("PROPOSED").asLong()).isEqualTo(1);
            assertThat(dashboard.get("projects").get("byAxis").get("OPEN_DATA").asLong()).isEqualTo(1);
            assertThat(dashboard.get("roadmaps").asLong()).isEqualTo(1);
        });
        // A marker after the duplicate, with the same key (same partition, so consumed after it): once the marker is
        // applied the duplicate was processed, whatever another test already counted in the shared meters.
        UUID markerId = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(tenant, projectId, 1, new MilestonePlanned(projectId, markerId, tenant, "Marqueur",
                LocalDate.of(2026, 6, 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT count(*) FROM portfolio_milestone WHERE milestone_id = :id")
                .param("id", markerId).query(Long.class).single() == 1);
        assertThat(http.get("/api/evaluation/dashboard", agent(tenant), null).json().get("projects").get("total").asLong())
                .as("the project delivered twice counts once").isEqualTo(1);
        // other consumers of the topic (the kit's published references) record it too: this one's inbox, once
        assertThat(jdbc.sql("SELECT count(*) FROM processed_integration_event WHERE event_id = :id AND consumer = :consumer")
                .param("id", project.eventId()).param("consumer", PortfolioEventsListener.ID).query(Long.class).single())
                .isEqualTo(1);
        // and the second delivery was recognised as a duplicate by each consumer that applied the first, not applied
        // again (a projection that happens to be idempotent must not hide an inbox that lets duplicates through)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(duplicatesOf("portfolio.ProjectProposed") - duplicatesBefore)
                .as("deliveries of the proposal recognised as duplicates, one per consumer that applied it")
                .isEqualTo((double) jdbc.sql("SELECT count(*) FROM processed_integration_event WHERE event_id = :id")
                        .param("id", project.eventId()).query(Long.class).single()));

        assertThat(http.get("/api/evaluation/dashboard", agent(newSiren()), null).json().get("projects").get("total").asLong()).isZero();
    }

    /**
     * Offsets are committed once a second (the kit's {@code ack-mode: time}), so a consumer that dies reads again, at
     * its restart, what it applied since its last commit: the state left by such a crash (the group's offsets before
     * the records, the records applied) is made here by rewinding the stopped consumer's offsets.
     */
    @Test
    void recordsReadAgainAfterAConsumerDiedBeforeItsTimedCommitAreAppliedOnce() throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(PortfolioEventsListener.ID);
        assertThat(container.getContainerProperties().getAckMode()).as("offsets committed by time, not per poll")
                .isEqualTo(ContainerProperties.AckMode.TIME);
        String tenant = newSiren();
        UUID roadmapId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> before = endOffsets(admin);
            send(Topics.PORTFOLIO, envelope(tenant, roadmapId, 0, new RoadmapDrafted(roadmapId, tenant, "SDN", 2026, 2028,
                    List.of("OPEN_DATA"))));
            send(Topics.PORTFOLIO, envelope(tenant, projectId, 0, new ProjectProposed(projectId, roadmapId, tenant,
                    "Portail open data", "OPEN_DATA", "USER_SERVICES", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                    100, 200)));
            await().atMost(Duration.ofSeconds(15)).until(() -> dashboardProjects(tenant) == 1);

            container.stop();
            await().atMost(Duration.ofSeconds(15)).until(() -> !container.isRunning());
            admin.alterConsumerGroupOffsets(container.getGroupId(), before).all().get();
            double duplicatesBefore = duplicatesOf("portfolio.ProjectProposed");
            container.start();

            UUID markerId = UUID.randomUUID();
            send(Topics.PORTFOLIO, envelope(tenant, projectId, 1, new MilestonePlanned(projectId, markerId, tenant,
                    "Marqueur", LocalDate.of(2026, 6, 1))));
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                            "SELECT count(*) FROM portfolio_milestone WHERE milestone_id = :id")
                    .param("id", markerId).query(Long.class).single() == 1);
            assertThat(duplicatesOf("portfolio.ProjectProposed") - duplicatesBefore)
                    .as("the proposal read again after the rewind, recognised by the inbox").isGreaterThanOrEqualTo(1);
            assertThat(dashboardProjects(tenant)).as("the project read twice counts once").isEqualTo(1);
        } finally {
            if (!container.isRunning()) {
                container.start();
            }
        }
    }

    private long dashboardProjects(String tenant) {
        return http.get("/api/evaluation/dashboard", agent(tenant), null).json().get("projects").get("total").asLong();
    }

    private static Map<TopicPartition, OffsetAndMetadata> endOffsets(Admin admin) throws Exception {
        Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
        admin.describeTopics(List.of(Topics.PORTFOLIO)).allTopicNames().get().get(Topics.PORTFOLIO).partitions()
                .forEach(partition -> partitions.put(new TopicPartition(Topics.PORTFOLIO, partition.partition()),
                        OffsetSpec.latest()));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        admin.listOffsets(partitions).all().get().forEach((partition, end) ->
                offsets.put(partition, new OffsetAndMetadata(end.offset())));
        return offsets;
    }

    @Test
    void aStatusChangeBeforeTheProposalIsKeptAndAStaleOneIgnored() {
        String tenant = newSiren();
        UUID roadmapId = UUID.randomUUID();
        UUID projectId = UUID.randomUUID();
        EventEnvelope approved = envelope(tenant, projectId, 2, new ProjectStatusChanged(projectId, roadmapId, tenant, "SMART_CITY",
                "ASSESSED", "APPROVED", null, UUID.randomUUID(), LocalDate.of(2026, 3, 1)));
        EventEnvelope started = envelope(tenant, projectId, 3, new ProjectStatusChanged(projectId, roadmapId, tenant, "SMART_CITY",
                "APPROVED", "IN_PROGRESS", null, null, LocalDate.of(2026, 4, 1)));
        EventEnvelope assessed = envelope(tenant, projectId, 1, new ProjectStatusChanged(projectId, roadmapId, tenant, "SMART_CITY",
                "PROPOSED", "ASSESSED", null, null, LocalDate.of(2026, 2, 1)));
        EventEnvelope proposed = envelope(tenant, projectId, 0, new ProjectProposed(projectId, roadmapId, tenant, "Capteurs",
                "SMART_CITY", "INFRASTRUCTURE", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 6, 30), 0, 0));
        send(Topics.PORTFOLIO, started);
        send(Topics.PORTFOLIO, approved);
        send(Topics.PORTFOLIO, assessed);
        send(Topics.PORTFOLIO, proposed);
        send(Topics.PORTFOLIO, started);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(project(projectId))
                .containsEntry("status", "IN_PROGRESS").containsEntry("title", "Capteurs").containsEntry("last_sequence", 3L));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM processed_integration_event WHERE aggregate_id = :id AND consumer = :consumer")
                .param("id", projectId.toString()).param("consumer", PortfolioEventsListener.ID).query(Long.class).single()).isEqualTo(4));
        assertThat(project(projectId)).containsEntry("status", "IN_PROGRESS");
    }

    @Test
    void anAdoptionBeforeTheDraftIsKeptAndTheClosingWins() {
        String tenant = newSiren();
        UUID roadmapId = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(tenant, roadmapId, 1, new RoadmapAdopted(roadmapId, tenant, UUID.randomUUID(),
                LocalDate.of(2026, 2, 1), 2026, 2029)));
        send(Topics.PORTFOLIO, envelope(tenant, roadmapId, 0, new RoadmapDrafted(roadmapId, tenant, "SDN", 2026, 2028, List.of("OPEN_DATA"))));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(roadmap(roadmapId))
                .containsEntry("status", "ADOPTED").containsEntry("title", "SDN").containsEntry("end_year", 2029));
        EventEnvelope closed = envelope(tenant, roadmapId, 2, new RoadmapClosed(roadmapId, tenant, "Bilan positif"));
        send(Topics.PORTFOLIO, closed);
        send(Topics.PORTFOLIO, envelope(tenant, roadmapId, 1, new RoadmapAdopted(roadmapId, tenant, UUID.randomUUID(),
                LocalDate.of(2026, 2, 1), 2026, 2029)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM processed_integration_event WHERE aggregate_id = :id AND consumer = :consumer")
                .param("id", roadmapId.toString()).param("consumer", PortfolioEventsListener.ID).query(Long.class).single()).isEqualTo(4));
        assertThat(roadmap(roadmapId)).containsEntry("status", "CLOSED");
    }

    @Test
    void aMilestoneReachedBeforeItsPlanningIsComplete() {
        String tenant = newSiren();
        UUID projectId = UUID.randomUUID();
        UUID milestoneId = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(tenant, projectId, 5, new MilestoneReached(projectId, milestoneId, tenant,
                LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 11))));
        send(Topics.PORTFOLIO, envelope(tenant, projectId, 4, new MilestonePlanned(projectId, milestoneId, tenant, "Recette",
                LocalDate.of(2026, 3, 1))));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Map<String, Object> milestone = row("SELECT * FROM portfolio_milestone WHERE milestone_id = :id", milestoneId);
            assertThat(milestone).containsEntry("title", "Recette");
            assertThat(milestone.get("actual_date").toString()).isEqualTo("2026-03-11");
        });
        var schedule = http.get("/api/evaluation/dashboard?fiscalYear=2026", agent(tenant), null).json().get("schedule");
        assertThat(schedule.get("milestones").asLong()).isEqualTo(1);
        assertThat(schedule.get("reached").asLong()).isEqualTo(1);
        assertThat(schedule.get("maxSlippageDays").asLong()).isEqualTo(10);
    }

    /** Portfolio published such dates before they were bounded: the dashboard stores the nearest bound and still answers. */
    @Test
    void aMilestoneOnAnAbsurdDatePublishedBeforeTheFixBreaksNoRead() {
        String tenant = newSiren();
        UUID projectId = UUID.randomUUID();
        UUID ancient = UUID.randomUUID();
        UUID distant = UUID.randomUUID();
        send(Topics.PORTFOLIO, envelope(tenant, projectId, 0, new ProjectProposed(projectId, UUID.randomUUID(), tenant, "Jadis",
                "OPEN_DATA", "USER_SERVICES", LocalDate.MIN, LocalDate.MAX, 100, 200)));
        send(Topics.PORTFOLIO, envelope(tenant, projectId, 1, new MilestonePlanned(projectId, ancient, tenant, "Jadis", LocalDate.MIN)));
        send(Topics.PORTFOLIO, envelope(tenant, projectId, 2, new MilestonePlanned(projectId, distant, tenant, "Un jour", LocalDate.MAX)));
        send(Topics.PORTFOLIO, envelope(tenant, projectId, 3, new MilestoneReached(projectId, distant, tenant, LocalDate.MAX,
                LocalDate.of(-4800, 1, 1))));

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(jdbc.sql(
                        "SELECT count(*) FROM portfolio_milestone WHERE milestone_id IN (:ids) AND planned_date BETWEEN '1900-01-01' AND '2200-12-31'")
                .param("ids", List.of(ancient, distant)).query(Long.class).single()).isEqualTo(2));
        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql(
                        "SELECT actual_date FROM portfolio_milestone WHERE milestone_id = :id").param("id", distant)
                .query(LocalDate.class).optional().filter(LocalDate.of(1900, 1, 1)::equals).isPresent());
        var dashboard = http.get("/api/evaluation/dashboard", agent(tenant), null);
        assertThat(dashboard.status()).as(dashboard.toString()).isEqualTo(200);
        assertThat(dashboard.json().get("projects").get("total").asLong()).isEqualTo(1);
        var barometer = http.get("/api/evaluation/barometer", agent(tenant), null);
        assertThat(barometer.status()).as(barometer.toString()).isEqualTo(200);
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String poisonKey = "poison-" + UUID.randomUUID();
        sendRaw(Topics.PORTFOLIO, poisonKey, "{not json");
        UUID roadmapId = UUID.randomUUID();
        String tenant = newSiren();
        send(Topics.PORTFOLIO, envelope(tenant, roadmapId, 0, new RoadmapDrafted(roadmapId, tenant, "Après le poison", 2026, 2027,
                List.of("E_INCLUSION"))));

        await().atMost(Duration.ofSeconds(15)).until(() -> jdbc.sql("SELECT count(*) FROM portfolio_roadmap WHERE roadmap_id = :id")
                .param("id", roadmapId).query(Long.class).single() == 1);
        assertThat(recordsOn(Topics.deadLetter(Topics.PORTFOLIO), poisonKey, value -> true)).isNotEmpty();
        assertThat(meters.find("mutualis.integration.dead.lettered").tag("topic", Topics.PORTFOLIO).counter())
                .isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isGreaterThanOrEqualTo(1));
    }

    private Map<String, Object> project(UUID id) {
        return row("SELECT * FROM portfolio_project WHERE project_id = :id", id);
    }

    private Map<String, Object> roadmap(UUID id) {
        return row("SELECT * FROM portfolio_roadmap WHERE roadmap_id = :id", id);
    }

    /** The row, or an empty map while the consumer has not written it yet (so that an await keeps waiting). */
    private Map<String, Object> row(String sql, UUID id) {
        List<Map<String, Object>> rows = jdbc.sql(sql).param("id", id).query().listOfRows();
        assertThat(rows).as(sql).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    /** Deliveries of {@code type} the inboxes recognised as already applied, across this service's consumers. */
    private double duplicatesOf(String type) {
        var counter = meters.find("mutualis.integration.consumed").tag("topic", Topics.PORTFOLIO).tag("type", type)
                .tag("outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }
}
