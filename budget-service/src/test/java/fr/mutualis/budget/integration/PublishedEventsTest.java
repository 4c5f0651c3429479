package fr.mutualis.budget.integration;

import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.budget.messages.BudgetYears;
import fr.mutualis.contracts.EventHeaders;
import fr.mutualis.contracts.Topics;
import fr.mutualis.testsupport.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Budget events reach Kafka as enveloped integration events, keyed by line id, through the real broker. */
class PublishedEventsTest extends BudgetIntegrationTest {

    @Test
    void anOpenedLineIsPublishedWithItsEnvelopeAndHeaders() {
        String token = VALMONT_AGENT;
        UUID projectId = publishedProject(VALMONT);
        var line = http.post("/api/budget/lines", """
                {"fiscalYear": 2026, "section": "OPERATING", "chapter": "012", "label": "Chef de projet compte usager",
                 "projectId": "%s", "plannedCents": 4500000}""".formatted(projectId), token, null);
        assertThat(line.status()).as(line.toString()).isEqualTo(201);
        String lineId = line.json().get("id").asString();

        ConsumerRecord<String, String> record = awaitRecord(lineId);
        JsonNode envelope = JSON.readTree(record.value());
        assertThat(envelope.get("type").asString()).isEqualTo("budget.BudgetLineOpened");
        assertThat(envelope.get("version").asInt()).isEqualTo(1);
        assertThat(envelope.get("tenantId").asString()).isEqualTo(VALMONT);
        assertThat(envelope.get("aggregateId").asString()).isEqualTo(lineId);
        assertThat(envelope.get("sequence").asLong()).isZero();
        assertThat(UUID.fromString(envelope.get("eventId").asString())).isNotNull();
        JsonNode payload = envelope.get("payload");
        assertThat(payload.get("lineId").asString()).isEqualTo(lineId);
        assertThat(payload.get("ownerId").asString()).isEqualTo(VALMONT);
        assertThat(payload.get("fiscalYear").asInt()).isEqualTo(2026);
        assertThat(payload.get("section").asString()).isEqualTo("OPERATING");
        assertThat(payload.get("chapter").asString()).isEqualTo("012");
        assertThat(payload.get("projectId").asString()).isEqualTo(projectId.toString());
        assertThat(payload.get("plannedCents").asLong()).isEqualTo(4_500_000L);
        assertThat(header(record, EventHeaders.TENANT_ID)).isEqualTo(VALMONT);
        assertThat(header(record, EventHeaders.EVENT_TYPE)).isEqualTo("budget.BudgetLineOpened");
        assertThat(header(record, EventHeaders.EVENT_VERSION)).isEqualTo("1");
    }

    @Test
    void votesEngagementsAndMandatesArePublishedInTheLinesOrder() {
        String lineId = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "21", 50_000);
        var engagement = http.post("/api/budget/lines/" + lineId + "/engagements", spending(30_000, "BC-PUB-1", "2026-04-02"),
                VALMONT_AGENT, null);
        assertThat(engagement.status()).as(engagement.toString()).isEqualTo(201);
        String engagementId = engagement.json().get("id").asString();
        var mandate = http.post("/api/budget/engagements/" + engagementId + "/mandates", spending(10_000, "M-PUB-1", "2026-05-02"),
                VALMONT_AGENT, null);
        assertThat(mandate.status()).as(mandate.toString()).isEqualTo(201);

        List<ConsumerRecord<String, String>> records = awaitRecords(lineId, 4);
        List<JsonNode> envelopes = records.stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(envelopes).extracting(envelope -> envelope.get("type").asString())
                .containsExactly("budget.BudgetLineOpened", "budget.CreditsVoted", "budget.EngagementRecorded", "budget.MandateRecorded");
        assertThat(envelopes).extracting(envelope -> envelope.get("sequence").asLong()).containsExactly(0L, 1L, 2L, 3L);
        JsonNode voted = envelopes.get(1).get("payload");
        assertThat(voted.get("stage").asString()).isEqualTo("BP");
        assertThat(voted.get("creditsCents").asLong()).isEqualTo(50_000);
        assertThat(voted.get("section").asString()).isEqualTo("INVESTMENT");
        JsonNode engaged = envelopes.get(2).get("payload");
        assertThat(engaged.get("engagementId").asString()).isEqualTo(engagementId);
        assertThat(engaged.get("amountCents").asLong()).isEqualTo(30_000);
        assertThat(engaged.get("reference").asString()).isEqualTo("BC-PUB-1");
        assertThat(engaged.get("date").asString()).isEqualTo("2026-04-02");
        JsonNode mandated = envelopes.get(3).get("payload");
        assertThat(mandated.get("mandateId").asString()).isEqualTo(mandate.json().get("id").asString());
        assertThat(mandated.get("engagementId").asString()).isEqualTo(engagementId);
        assertThat(mandated.get("amountCents").asLong()).isEqualTo(10_000);
        assertThat(envelopes).allSatisfy(envelope -> assertThat(envelope.get("tenantId").asString()).isEqualTo(VALMONT));
    }

    @Test
    void programmesAndTheirRevisionsArePublished() {
        var created = http.post("/api/budget/programmes", """
                {"label": "Fibre des écoles", "chapter": "23", "amountCents": 3000, "schedule": [{"year": 2026, "amountCents": 3000}]}""",
                VALMONT_AGENT, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String programmeId = created.json().get("id").asString();
        assertThat(http.post("/api/budget/programmes/" + programmeId + "/revisions", """
                {"amountCents": 3000, "schedule": [{"year": 2026, "amountCents": 1000}, {"year": 2027, "amountCents": 2000}],
                 "reason": "Report"}""", VALMONT_AGENT, null).status()).isEqualTo(200);

        List<JsonNode> envelopes = awaitRecords(programmeId, 2).stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(envelopes).extracting(envelope -> envelope.get("type").asString())
                .containsExactly("budget.ProgrammeCreated", "budget.ProgrammeRevised");
        assertThat(envelopes.get(0).get("payload").get("schedule").get(0).get("amountCents").asLong()).isEqualTo(3000);
        JsonNode revised = envelopes.get(1).get("payload");
        assertThat(revised.get("revision").asInt()).isEqualTo(1);
        assertThat(revised.get("reason").asString()).isEqualTo("Report");
        assertThat(revised.get("schedule")).hasSize(2);
    }

    @Test
    void ratesAndTransfersArePublishedAndEachLinesNewCreditsFollowItsVotes() {
        String software = votedLine(VALMONT_AGENT, 2038, "INVESTMENT", "20", 80_000);
        String hardware = votedLine(VALMONT_AGENT, 2038, "INVESTMENT", "21", 20_000);
        assertThat(http.put("/api/budget/transfer-rates/2038", """
                {"investmentPercent": 7.5, "operatingPercent": 2.5, "deliberation": "DEL-2038-003"}""", VALMONT_AGENT, null)
                .status()).isEqualTo(200);
        var transfer = http.post("/api/budget/transfers", """
                {"fromLineId": "%s", "toLineId": "%s", "amountCents": 7500, "reason": "Licences", "date": "2038-04-01"}"""
                .formatted(hardware, software), VALMONT_AGENT, null);
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(201);

        String budgetYear = BudgetYears.idOf(Owner.tenant(VALMONT), 2038).toString();
        List<JsonNode> ofYear = awaitRecords(budgetYear, 2).stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(ofYear).extracting(envelope -> envelope.get("type").asString())
                .containsExactly("budget.TransferRatesVoted", "budget.CreditTransferMade");
        JsonNode rates = ofYear.get(0).get("payload");
        assertThat(rates.get("investmentBasisPoints").asInt()).isEqualTo(750);
        assertThat(rates.get("operatingBasisPoints").asInt()).isEqualTo(250);
        assertThat(rates.get("deliberation").asString()).isEqualTo("DEL-2038-003");
        JsonNode made = ofYear.get(1).get("payload");
        assertThat(made.get("transferId").asString()).isEqualTo(transfer.json().get("id").asString());
        assertThat(made.get("fromChapter").asString()).isEqualTo("21");
        assertThat(made.get("toChapter").asString()).isEqualTo("20");
        assertThat(made.get("amountCents").asLong()).isEqualTo(7_500);
        assertThat(made.get("betweenChapters").asBoolean()).isTrue();

        List<JsonNode> ofSource = awaitRecords(hardware, 3).stream().map(record -> JSON.readTree(record.value())).toList();
        assertThat(ofSource).extracting(envelope -> envelope.get("type").asString())
                .containsExactly("budget.BudgetLineOpened", "budget.CreditsVoted", "budget.LineCreditsTransferred");
        assertThat(ofSource.get(2).get("sequence").asLong()).isEqualTo(2);
        assertThat(ofSource.get(2).get("payload").get("deltaCents").asLong()).isEqualTo(-7_500);
        assertThat(ofSource.get(2).get("payload").get("creditsCents").asLong()).isEqualTo(12_500);
        assertThat(JSON.readTree(awaitRecords(software, 3).getLast().value()).get("payload").get("creditsCents").asLong())
                .isEqualTo(87_500);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, String> awaitRecord(String key) {
        return awaitRecords(key, 1).getFirst();
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(String key, int count) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.BUDGET));
            Instant deadline = Instant.now().plusSeconds(20);
            List<String> seen = new ArrayList<>();
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(record.key())) {
                        found.add(record);
                        if (found.size() == count) {
                            return found;
                        }
                    }
                    seen.add(record.key());
                }
            }
            throw new AssertionError("No record keyed " + key + " on " + Topics.BUDGET + "; saw " + seen);
        }
    }
}
