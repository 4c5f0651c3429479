package fr.mutualis.portfolio.integration;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.testsupport.TestInfrastructure;
import fr.mutualis.portfolio.PortfolioServiceTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Governance decisions arrive as real Kafka records: applied once despite duplicates, whatever their order, and the
 * ones that cannot apply are noted and skipped without blocking the consumer.
 */
class GovernanceDecisionsConsumptionTest extends PortfolioServiceTest {

    @Test
    void aDuplicatedApprovalApprovesOnce() {
        String projectId = assessedProject();
        DecisionPublished approval = decision(VALMONT, "PROJECT_GATE", projectId, "APPROVED");
        EventEnvelope record = envelope(approval);
        publishToGovernance(record);
        publishToGovernance(record);
        // The same decision published again under another event id (a governance replay) is recognised too.
        publishToGovernance(envelope(approval));

        awaitStatus(projectId, VALMONT_AGENT, "APPROVED");
        assertThat(awaitReceipt(approval.decisionId())).isEqualTo("APPLIED");
        publishMarkerAndAwait(record.aggregateId());
        assertThat(approvals(projectId)).isEqualTo(1);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM processed_integration_event
                        WHERE event_id = :id AND consumer = 'portfolio-governance-decisions'""")
                .param("id", record.eventId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aLateRejectionOrDeferralNeverUndoesAnApproval() {
        String projectId = assessedProject();
        DecisionPublished approval = approveThroughGovernance(projectId, VALMONT, VALMONT_AGENT);
        DecisionPublished rejected = decision(VALMONT, "PROJECT_GATE", projectId, "REJECTED");
        DecisionPublished deferred = decision(VALMONT, "PROJECT_GATE", projectId, "DEFERRED");
        publishToGovernance(envelope(rejected));
        publishToGovernance(envelope(deferred));

        assertThat(awaitReceipt(rejected.decisionId())).isEqualTo("NOT_APPROVED");
        assertThat(awaitReceipt(deferred.decisionId())).isEqualTo("NOT_APPROVED");
        JsonNode project = http.get("/api/portfolio/projects/" + projectId, VALMONT_AGENT, null).json();
        assertThat(project.get("status").asString()).isEqualTo("APPROVED");
        assertThat(project.get("approvalDecisionId").asString()).isEqualTo(approval.decisionId().toString());
    }

    @Test
    void aRejectionChangesNothingAndALaterApprovalStillApplies() {
        String projectId = assessedProject();
        DecisionPublished rejected = decision(VALMONT, "PROJECT_GATE", projectId, "REJECTED");
        publishToGovernance(envelope(rejected));
        assertThat(awaitReceipt(rejected.decisionId())).isEqualTo("NOT_APPROVED");
        assertThat(eventCount(projectId)).isEqualTo(3);

        approveThroughGovernance(projectId, VALMONT, VALMONT_AGENT);
    }

    @Test
    void decisionsThatCannotApplyAreNotedAndSkippedWithoutBlockingTheOthers() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String proposed = proposeProject(roadmapId, VALMONT_AGENT);
        String assessed = assessedProject();

        DecisionPublished unknown = decision(VALMONT, "PROJECT_GATE", UUID.randomUUID().toString(), "APPROVED");
        DecisionPublished notAUuid = decision(VALMONT, "PROJECT_GATE", "projet-42", "APPROVED");
        DecisionPublished roadmapAsProject = decision(VALMONT, "PROJECT_GATE", roadmapId, "APPROVED");
        DecisionPublished tooEarly = decision(VALMONT, "PROJECT_GATE", proposed, "APPROVED");
        DecisionPublished foreign = decision(SAINT_AUBIN, "PROJECT_GATE", assessed, "APPROVED");
        for (DecisionPublished decision : new DecisionPublished[]{unknown, notAUuid, roadmapAsProject, tooEarly, foreign}) {
            publishToGovernance(envelope(decision));
        }
        approveThroughGovernance(assessed, VALMONT, VALMONT_AGENT);

        assertThat(awaitReceipt(unknown.decisionId())).isEqualTo("UNKNOWN_SUBJECT");
        assertThat(awaitReceipt(notAUuid.decisionId())).isEqualTo("UNKNOWN_SUBJECT");
        assertThat(awaitReceipt(roadmapAsProject.decisionId())).isEqualTo("UNKNOWN_SUBJECT");
        assertThat(awaitReceipt(tooEarly.decisionId())).isEqualTo("WRONG_STATE");
        assertThat(awaitReceipt(foreign.decisionId())).isEqualTo("OTHER_OWNER");
        assertThat(http.get("/api/portfolio/projects/" + proposed, VALMONT_AGENT, null).json().get("status").asString()).isEqualTo("PROPOSED");
        assertThat(http.get("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, null).json().get("status").asString()).isEqualTo("DRAFT");
        assertThat(eventCount(proposed)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM governance_decision_receipt WHERE decision_id = :id")
                .param("id", foreign.decisionId()).query(Long.class).single()).isEqualTo(1);
        // Each one is told on the portfolio topic, with its reason, so that evaluation can raise DECISION_NOT_APPLIED.
        assertThat(notApplied(java.util.Set.of(unknown, notAUuid, roadmapAsProject, tooEarly, foreign))).containsOnly(
                Map.entry(unknown.decisionId().toString(), "UNKNOWN_SUBJECT"),
                Map.entry(notAUuid.decisionId().toString(), "UNKNOWN_SUBJECT"),
                Map.entry(roadmapAsProject.decisionId().toString(), "UNKNOWN_SUBJECT"),
                Map.entry(tooEarly.decisionId().toString(), "WRONG_STATE"),
                Map.entry(foreign.decisionId().toString(), "OTHER_OWNER"));
    }

    /** The portfolio.DecisionNotApplied records of {@code decisions} on the topic, decision id to reason. */
    private static Map<String, String> notApplied(java.util.Set<DecisionPublished> decisions) {
        Map<String, String> reasons = new java.util.HashMap<>();
        fr.mutualis.testsupport.TestEvents.published(Topics.PORTFOLIO, "portfolio.DecisionNotApplied", "decisionId",
                        decisions.stream().map(decision -> decision.decisionId().toString()).toList())
                .forEach(payload -> reasons.put(payload.get("decisionId").asString(), payload.get("reason").asString()));
        return reasons;
    }

    @Test
    void anApprovedAdoptionAdoptsTheRoadmapWhichIsThenClosedWithItsFinalAssessment() {
        String roadmapId = createRoadmap(VALMONT_AGENT);
        String close = "/api/portfolio/roadmaps/" + roadmapId + "/close";
        assertProblem(http.post(close, "{\"finalAssessment\": \"Trop tôt\"}", VALMONT_AGENT, null), 409, "DRAFT");

        DecisionPublished deferred = decision(VALMONT, "ROADMAP_ADOPTION", roadmapId, "DEFERRED");
        publishToGovernance(envelope(deferred));
        assertThat(awaitReceipt(deferred.decisionId())).isEqualTo("NOT_APPROVED");
        DecisionPublished adoption = decision(VALMONT, "ROADMAP_ADOPTION", roadmapId, "APPROVED");
        publishToGovernance(envelope(adoption));
        publishToGovernance(envelope(adoption));
        JsonNode adopted = awaitRead("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT,
                json -> json.get("status").asString().equals("ADOPTED"));
        assertThat(adopted.get("adoptionDecisionId").asString()).isEqualTo(adoption.decisionId().toString());
        assertThat(adopted.get("adoptedOn").asString()).isEqualTo(adoption.decidedOn().toString());
        assertThat(awaitReceipt(adoption.decisionId())).isEqualTo("APPLIED");

        long events = eventCount(roadmapId);
        assertProblem(http.post(close, "{}", VALMONT_AGENT, null), 400, "finalAssessment");
        assertProblem(http.post(close, "{\"finalAssessment\": 42", VALMONT_AGENT, null), 400);
        assertProblem(http.post(close, "{\"finalAssessment\": \"Bilan\"}", STAUBIN_AGENT, null), 404);
        assertProblem(postIfMatch(close, "{\"finalAssessment\": \"Bilan\"}", VALMONT_AGENT, "\"0\""), 409, "stale-version");
        assertProblem(http.post("/api/portfolio/roadmaps/" + UUID.randomUUID() + "/close", "{\"finalAssessment\": \"Bilan\"}",
                VALMONT_AGENT, null), 404);
        assertThat(eventCount(roadmapId)).isEqualTo(events);
        var closed = postIfMatch(close, "{\"finalAssessment\": \"12 projets livrés sur 15\"}", VALMONT_AGENT, "\"1\"");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.json().get("version").asLong()).isEqualTo(2);
        assertThat(awaitRead("/api/portfolio/roadmaps/" + roadmapId, VALMONT_AGENT, json -> json.get("status").asString().equals("CLOSED"))
                .get("finalAssessment").asString()).isEqualTo("12 projets livrés sur 15");

        assertProblem(http.post(close, "{\"finalAssessment\": \"Encore\"}", VALMONT_AGENT, null), 409, "CLOSED");
        assertProblem(http.put("/api/portfolio/roadmaps/" + roadmapId + "/weights",
                "{\"strategicAlignment\": 1, \"userValue\": 1, \"agentValue\": 1, \"legalObligation\": 1, \"feasibility\": 1, \"risk\": 1}",
                VALMONT_AGENT, null), 409, "CLOSED");
        assertProblem(http.post("/api/portfolio/projects", projectJson(roadmapId), VALMONT_AGENT, null), 409, "CLOSED");
        DecisionPublished again = decision(VALMONT, "ROADMAP_ADOPTION", roadmapId, "APPROVED");
        publishToGovernance(envelope(again));
        assertThat(awaitReceipt(again.decisionId())).isEqualTo("WRONG_STATE");
    }

    @Test
    void anIncompleteDecisionGoesToTheDeadLetterTopicAndTheConsumerKeepsGoing() {
        String projectId = assessedProject();
        DecisionPublished complete = decision(VALMONT, "PROJECT_GATE", projectId, "APPROVED");
        DecisionPublished withoutOutcome = new DecisionPublished(UUID.randomUUID(), complete.sessionId(), complete.instanceId(),
                VALMONT, complete.instanceKind(), UUID.randomUUID(), "PROJECT_GATE", projectId, "Sans issue", null, 0, 0, 0,
                List.of(), complete.decidedOn());
        EventEnvelope poison = envelope("governance.DecisionPublished", VALMONT, "poison-" + UUID.randomUUID(), withoutOutcome);
        publishToGovernance(poison);
        publishToGovernance(envelope(complete));

        awaitStatus(projectId, VALMONT_AGENT, "APPROVED");
        assertThat(deadLetterKeys()).contains(poison.aggregateId());
        assertThat(jdbc.sql("SELECT count(*) FROM governance_decision_receipt WHERE decision_id = :id")
                .param("id", withoutOutcome.decisionId()).query(Long.class).single()).isZero();
    }

    private static List<String> deadLetterKeys() {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.GOVERNANCE)));
            List<String> keys = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline) && keys.isEmpty()) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> keys.add(record.key()));
            }
            return keys;
        }
    }

    private String assessedProject() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        assertThat(assess(projectId, VALMONT_AGENT).status()).isEqualTo(200);
        return projectId;
    }

    private long approvals(String projectId) {
        return jdbc.sql("""
                        SELECT count(*) FROM domain_event_entry
                        WHERE aggregate_identifier = :id AND convert_from(payload, 'UTF8') LIKE '%"status":"APPROVED"%'""")
                .param("id", projectId).query(Long.class).single();
    }

    /** A decision published after the others with the same key: once it is applied, the earlier ones were too. */
    private void publishMarkerAndAwait(String key) {
        DecisionPublished marker = decision(VALMONT, "PROJECT_GATE", UUID.randomUUID().toString(), "DEFERRED");
        publishToGovernance(envelope("governance.DecisionPublished", VALMONT, key, marker));
        awaitReceipt(marker.decisionId());
    }
}
