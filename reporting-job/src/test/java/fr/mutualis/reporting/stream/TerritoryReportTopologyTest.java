package fr.mutualis.reporting.stream;

import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.budget.LineCreditsTransferred;
import fr.mutualis.contracts.budget.MandateRecorded;
import fr.mutualis.contracts.evaluation.BarometerProfileChanged;
import fr.mutualis.contracts.evaluation.IndicatorDefined;
import fr.mutualis.contracts.evaluation.MeasurementRecorded;
import fr.mutualis.contracts.governance.DecisionPublished;
import fr.mutualis.contracts.governance.InstanceCreated;
import fr.mutualis.contracts.governance.MutualisationCreated;
import fr.mutualis.contracts.governance.SessionClosed;
import fr.mutualis.contracts.portfolio.MilestonePlanned;
import fr.mutualis.contracts.portfolio.MilestoneReached;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.contracts.portfolio.RoadmapDrafted;
import fr.mutualis.reporting.report.TerritoryReport;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.support.KafkaHeaders;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topology on Kafka Streams' test driver: each figure of the report, duplicates, events of different
 * aggregates in any order, and a record that cannot be read.
 */
class TerritoryReportTopologyTest {

    static final String VALMONT = "210000022";
    static final String AULNES = "210000048";
    static final String CAGV = "200000016";

    final JsonMapper json = JsonMapper.builder().build();
    final List<String> deadLettered = new ArrayList<>();
    final TestEnvelopes envelopes = new TestEnvelopes(json);
    final List<TestRecord<String, String>> sent = new ArrayList<>();
    /** The latest value of each key read from the report topic, as its compaction keeps. */
    final Map<String, String> reports = new HashMap<>();
    TopologyTestDriver driver;
    Map<String, TestInputTopic<String, String>> inputs;
    TestOutputTopic<String, String> territory;

    @TempDir
    Path stateDir;

    @BeforeEach
    void start() {
        reports.clear();
        StreamsBuilder builder = new StreamsBuilder();
        TerritoryReportTopology.build(builder, json, deadLettered::add, "reporting-test", decodedOwners());
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "reporting-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        // Every event's effect visible at once (the application coalesces them with its cache).
        config.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        driver = new TopologyTestDriver(builder.build(), config);
        inputs = new HashMap<>();
        Topics.ALL.forEach(topic -> inputs.put(topic,
                driver.createInputTopic(topic, Serdes.String().serializer(), Serdes.String().serializer())));
        territory = driver.createOutputTopic(TerritoryReportTopology.TERRITORY, Serdes.String().deserializer(),
                Serdes.String().deserializer());
    }

    /** Owners kept decoded: enough for every owner of a test, so the facts stay in memory between events. */
    int decodedOwners() {
        return 100;
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void budgetPerSectionAndAxisAsOfTheEndOfEachQuarter() {
        UUID line = UUID.randomUUID();
        UUID operating = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        // The budget line is attached to a project whose proposal comes later, on another topic.
        publish(line, "2026-01-15T10:00:00Z", new BudgetLineOpened(line, VALMONT, 2026, "INVESTMENT", "21", "Serveurs",
                project, 120_000_00));
        publish(line, "2026-02-10T10:00:00Z", new CreditsVoted(line, VALMONT, 2026, "INVESTMENT", "BP", 100_000_00));
        publish(line, "2026-02-20T10:00:00Z", new EngagementRecorded(UUID.randomUUID(), line, VALMONT, 2026,
                "INVESTMENT", project, 30_000_00, "E-1", LocalDate.of(2026, 3, 2)));
        publish(line, "2026-05-20T10:00:00Z", new LineCreditsTransferred(line, VALMONT, 2026, "INVESTMENT",
                UUID.randomUUID(), 5_000_00, 105_000_00));
        UUID engagement = UUID.randomUUID();
        publish(line, "2026-07-20T10:00:00Z", new EngagementRecorded(engagement, line, VALMONT, 2026, "INVESTMENT",
                project, 20_000_00, "E-2", LocalDate.of(2026, 7, 20)));
        publish(line, "2026-08-20T10:00:00Z", new MandateRecorded(UUID.randomUUID(), engagement, line, VALMONT, 2026,
                "INVESTMENT", project, 15_000_00, "M-1", LocalDate.of(2026, 8, 20)));
        publish(operating, "2026-02-01T10:00:00Z", new BudgetLineOpened(operating, VALMONT, 2026, "OPERATING", "011",
                "Licences", null, 8_000_00));
        publish(operating, "2026-02-10T10:00:00Z", new CreditsVoted(operating, VALMONT, 2026, "OPERATING", "BP", 7_000_00));
        publish(project, "2026-03-01T10:00:00Z", new ProjectProposed(project, UUID.randomUUID(), VALMONT, "GRU",
                "DEMATERIALISATION", "SERVICES", null, null, 0, 0));

        TerritoryReport.Budget q1 = report(VALMONT, 2026, 1).budget();
        assertThat(q1.investment()).isEqualTo(new TerritoryReport.Section(120_000_00, 100_000_00, 30_000_00, 0, 70_000_00));
        assertThat(q1.operating()).isEqualTo(new TerritoryReport.Section(8_000_00, 7_000_00, 0, 0, 7_000_00));
        assertThat(q1.byAxis()).containsOnlyKeys("DEMATERIALISATION");
        assertThat(report(VALMONT, 2026, 2).budget().investment().votedCents()).isEqualTo(105_000_00);
        TerritoryReport.Budget q3 = report(VALMONT, 2026, 3).budget();
        assertThat(q3.investment()).isEqualTo(new TerritoryReport.Section(120_000_00, 105_000_00, 50_000_00, 15_000_00,
                55_000_00));
        assertThat(q3.byAxis().get("DEMATERIALISATION")).isEqualTo(q3.investment());
    }

    @Test
    void portfolioProjectsByStatusAndAxisAndMilestones() {
        UUID project = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        publish(project, "2026-01-10T10:00:00Z", new ProjectProposed(project, null, VALMONT, "GRU", "DEMATERIALISATION",
                "SERVICES", null, null, 0, 0));
        publish(project, "2026-02-10T10:00:00Z", new ProjectStatusChanged(project, null, VALMONT, "DEMATERIALISATION",
                "PROPOSED", "APPROVED", null, null, LocalDate.of(2026, 2, 10)));
        publish(project, "2026-05-10T10:00:00Z", new ProjectStatusChanged(project, null, VALMONT, "DEMATERIALISATION",
                "APPROVED", "IN_PROGRESS", null, null, LocalDate.of(2026, 5, 10)));
        publish(other, "2026-04-10T10:00:00Z", new ProjectProposed(other, null, VALMONT, "SIG", "OPEN_DATA",
                "DATA", null, null, 0, 0));
        UUID onTime = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        UUID overdue = UUID.randomUUID();
        publish(project, "2026-01-11T10:00:00Z", new MilestonePlanned(project, onTime, VALMONT, "Cadrage", LocalDate.of(2026, 3, 1)));
        publish(project, "2026-01-11T10:00:00Z", new MilestonePlanned(project, late, VALMONT, "Recette", LocalDate.of(2026, 4, 1)));
        publish(project, "2026-01-11T10:00:00Z", new MilestonePlanned(project, overdue, VALMONT, "Bascule", LocalDate.of(2026, 6, 1)));
        publish(project, "2026-03-01T10:00:00Z", new MilestoneReached(project, onTime, VALMONT, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1)));
        publish(project, "2026-05-01T10:00:00Z", new MilestoneReached(project, late, VALMONT, LocalDate.of(2026, 4, 1), LocalDate.of(2026, 5, 1)));

        TerritoryReport.Portfolio q1 = report(VALMONT, 2026, 1).portfolio();
        assertThat(q1.byStatus()).isEqualTo(Map.of("APPROVED", 1L));
        assertThat(q1.byAxis()).isEqualTo(Map.of("DEMATERIALISATION", 1L));
        assertThat(q1.milestonesReached()).isEqualTo(1);
        assertThat(q1.milestonesLate()).isZero();
        TerritoryReport.Portfolio q2 = report(VALMONT, 2026, 2).portfolio();
        assertThat(q2.projects()).isEqualTo(2);
        assertThat(q2.byStatus()).isEqualTo(Map.of("IN_PROGRESS", 1L, "PROPOSED", 1L));
        assertThat(q2.byAxis()).isEqualTo(Map.of("DEMATERIALISATION", 1L, "OPEN_DATA", 1L));
        assertThat(q2.milestonesReached()).isEqualTo(1);
        // Reached a month after its planned date, and planned on June 1st and still not reached on June 30th.
        assertThat(q2.milestonesLate()).isEqualTo(2);
    }

    @Test
    void governanceSessionsDecisionsAndCadence() {
        UUID committee = UUID.randomUUID();
        publish(committee, "2026-01-05T10:00:00Z", new InstanceCreated(committee, VALMONT, "Comité de pilotage",
                "STEERING_COMMITTEE", "QUARTERLY"));
        UUID session = UUID.randomUUID();
        publish(session, "2026-02-12T18:00:00Z", new SessionClosed(session, committee, VALMONT, LocalDate.of(2026, 2, 12), 2));
        publish(UUID.randomUUID(), "2026-02-12T18:00:00Z", decision(committee, session, "PROJECT_GATE", "ADOPTED", LocalDate.of(2026, 2, 12)));
        publish(UUID.randomUUID(), "2026-02-12T18:00:00Z", decision(committee, session, "PROJECT_GATE", "REJECTED", LocalDate.of(2026, 2, 12)));

        TerritoryReport.Governance q1 = report(VALMONT, 2026, 1).governance();
        assertThat(q1.sessionsHeld()).isEqualTo(1);
        assertThat(q1.decisions()).isEqualTo(Map.of("PROJECT_GATE", Map.of("ADOPTED", 1L, "REJECTED", 1L)));
        assertThat(q1.instancesDue()).isEqualTo(1);
        assertThat(q1.instancesKeepingCadence()).isEqualTo(1);
        TerritoryReport.Governance q2 = report(VALMONT, 2026, 2).governance();
        assertThat(q2.sessionsHeld()).isZero();
        assertThat(q2.decisions()).isEmpty();
        assertThat(q2.instancesKeepingCadence()).isZero();
    }

    @Test
    void evaluationIndicatorsByStatusAndBarometer() {
        UUID rising = UUID.randomUUID();
        UUID achieved = UUID.randomUUID();
        publish(rising, "2026-01-02T10:00:00Z", indicator(rising, "UP"));
        publish(achieved, "2026-01-02T10:00:00Z", indicator(achieved, "DOWN"));
        // UP 0 -> 100 over 2026: 30 on March 31st is above the 24.7 expected; 40 on September 30th below 74.8.
        publish(rising, "2026-03-31T10:00:00Z", new MeasurementRecorded(rising, VALMONT, LocalDate.of(2026, 3, 31), new BigDecimal("30"), "test"));
        publish(rising, "2026-09-30T10:00:00Z", new MeasurementRecorded(rising, VALMONT, LocalDate.of(2026, 9, 30), new BigDecimal("40"), "test"));
        publish(achieved, "2026-05-02T10:00:00Z", new MeasurementRecorded(achieved, VALMONT, LocalDate.of(2026, 5, 2), new BigDecimal("100"), "test"));
        publish(VALMONT, "2026-06-15T10:00:00Z", new BarometerProfileChanged(VALMONT, "UNCLASSIFIED", "SYSTEMIC", null, List.of()));

        TerritoryReport.Evaluation q1 = report(VALMONT, 2026, 1).evaluation();
        assertThat(q1.byStatus()).isEqualTo(Map.of("ON_TRACK", 1L, "NO_DATA", 1L));
        assertThat(q1.barometerProfile()).isEqualTo("UNCLASSIFIED");
        TerritoryReport.Evaluation q2 = report(VALMONT, 2026, 2).evaluation();
        assertThat(q2.byStatus()).isEqualTo(Map.of("ON_TRACK", 1L, "ACHIEVED", 1L));
        assertThat(q2.barometerProfile()).isEqualTo("SYSTEMIC");
        assertThat(report(VALMONT, 2026, 3).evaluation().byStatus()).isEqualTo(Map.of("OFF_TRACK", 1L, "ACHIEVED", 1L));
    }

    @Test
    void aMutualisationsReportNamesItsMembers() {
        UUID mutualisation = UUID.randomUUID();
        UUID line = UUID.randomUUID();
        publish(mutualisation.toString(), mutualisation, "2026-01-02T10:00:00Z", new MutualisationCreated(mutualisation,
                "DSI commune", CAGV, List.of(VALMONT, AULNES), "POPULATION", Map.of()));
        publish(mutualisation.toString(), line, "2026-01-03T10:00:00Z", new CreditsVoted(line, mutualisation.toString(),
                2026, "OPERATING", "BP", 50_000_00));

        TerritoryReport report = report(mutualisation.toString(), 2026, 1);
        assertThat(report.ownerKind()).isEqualTo("MUTUALISATION");
        assertThat(report.members()).containsExactly(CAGV, VALMONT, AULNES);
        assertThat(report.budget().operating().votedCents()).isEqualTo(50_000_00);
        assertThat(report.evaluation().barometerProfile()).isNull();
    }

    @Test
    void aRedeliveredEventCountsOnce() {
        UUID line = UUID.randomUUID();
        publish(line, "2026-01-15T10:00:00Z", new BudgetLineOpened(line, VALMONT, 2026, "INVESTMENT", "21", "Serveurs",
                null, 100_00));
        publish(line, "2026-02-20T10:00:00Z", new EngagementRecorded(UUID.randomUUID(), line, VALMONT, 2026,
                "INVESTMENT", null, 30_00, "E-1", LocalDate.of(2026, 2, 20)));
        publish(line, "2026-02-21T10:00:00Z", new MandateRecorded(UUID.randomUUID(), UUID.randomUUID(), line, VALMONT,
                2026, "INVESTMENT", null, 10_00, "M-1", LocalDate.of(2026, 2, 21)));
        TerritoryReport once = report(VALMONT, 2026, 1);

        // At-least-once: the publisher may send any event again (same event id, aggregate and sequence), later.
        List.copyOf(sent).forEach(record -> inputs.get(topicOf(record)).pipeInput(record));

        assertThat(report(VALMONT, 2026, 1)).isEqualTo(once);
        assertThat(once.budget().investment().engagedCents()).isEqualTo(30_00);
    }

    @Test
    void theSameReportWhateverTheOrderOfDifferentAggregates() {
        UUID line = UUID.randomUUID();
        UUID project = UUID.randomUUID();
        UUID indicator = UUID.randomUUID();
        publish(project, "2026-01-10T10:00:00Z", new ProjectProposed(project, null, VALMONT, "GRU", "OPEN_DATA",
                "DATA", null, null, 0, 0));
        publish(line, "2026-01-15T10:00:00Z", new BudgetLineOpened(line, VALMONT, 2026, "INVESTMENT", "21", "Serveurs",
                project, 100_00));
        publish(line, "2026-01-16T10:00:00Z", new CreditsVoted(line, VALMONT, 2026, "INVESTMENT", "BP", 90_00));
        publish(indicator, "2026-01-02T10:00:00Z", indicator(indicator, "UP"));
        publish(indicator, "2026-02-02T10:00:00Z", new MeasurementRecorded(indicator, VALMONT, LocalDate.of(2026, 2, 2),
                new BigDecimal("100"), "test"));
        TerritoryReport inOrder = report(VALMONT, 2026, 1);
        List<TestRecord<String, String>> events = List.copyOf(sent);

        // Another run of the job on the same events, each aggregate's in order but the aggregates interleaved
        // the other way round (the services keep order within an aggregate only).
        stop();
        start();
        List<TestRecord<String, String>> reversed = new ArrayList<>();
        for (List<TestRecord<String, String>> aggregate : List.of(events.subList(3, 5), events.subList(1, 3),
                events.subList(0, 1))) {
            reversed.addAll(aggregate);
        }
        reversed.forEach(record -> inputs.get(topicOf(record)).pipeInput(record));

        assertThat(report(VALMONT, 2026, 1)).isEqualTo(inOrder);
        assertThat(inOrder.budget().byAxis()).containsOnlyKeys("OPEN_DATA");
    }

    @Test
    void anUnreadableRecordGoesToItsDeadLetterTopicAndIsCountedWhileTheJobGoesOn() {
        TestOutputTopic<String, String> dlt = driver.createOutputTopic(Topics.deadLetter(Topics.BUDGET),
                Serdes.String().deserializer(), Serdes.String().deserializer());
        inputs.get(Topics.BUDGET).pipeInput("line-1", "{not json");
        // An envelope of a known type whose payload does not bind (a text for a number).
        inputs.get(Topics.BUDGET).pipeInput("line-2", """
                {"eventId":"%s","type":"budget.CreditsVoted","version":1,"occurredAt":"2026-01-01T00:00:00Z",
                 "tenantId":"%s","aggregateId":"line-2","sequence":0,"payload":{"creditsCents":"beaucoup"}}"""
                .formatted(UUID.randomUUID(), VALMONT));
        UUID line = UUID.randomUUID();
        publish(line, "2026-01-16T10:00:00Z", new CreditsVoted(line, VALMONT, 2026, "INVESTMENT", "BP", 90_00));

        List<TestRecord<String, String>> dead = dlt.readRecordsToList();
        assertThat(dead).extracting(TestRecord::key).containsExactly("line-1", "line-2");
        assertThat(dead.getFirst().value()).isEqualTo("{not json");
        Header origin = dead.getFirst().headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        assertThat(new String(origin.value(), StandardCharsets.UTF_8)).isEqualTo(Topics.BUDGET);
        assertThat(dead.getFirst().headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE)).isNotNull();
        assertThat(deadLettered).containsExactly(Topics.BUDGET, Topics.BUDGET);
        assertThat(report(VALMONT, 2026, 1).budget().investment().votedCents()).isEqualTo(90_00);
    }

    @Test
    void anEventOfATypeItDoesNotKnowIsSkippedNotDeadLettered() {
        TestOutputTopic<String, String> dlt = driver.createOutputTopic(Topics.deadLetter(Topics.PORTFOLIO),
                Serdes.String().deserializer(), Serdes.String().deserializer());
        inputs.get(Topics.PORTFOLIO).pipeInput("p", """
                {"eventId":"%s","type":"portfolio.SomethingNew","version":1,"occurredAt":"2026-01-01T00:00:00Z",
                 "tenantId":"%s","aggregateId":"p","sequence":0,"payload":{"anything":1}}"""
                .formatted(UUID.randomUUID(), VALMONT));
        UUID roadmap = UUID.randomUUID();
        publish(roadmap, "2026-01-02T10:00:00Z", new RoadmapDrafted(roadmap, VALMONT, "FdR", 2026, 2028, List.of()));

        assertThat(dlt.isEmpty()).isTrue();
        assertThat(deadLettered).isEmpty();
    }

    private DecisionPublished decision(UUID instance, UUID session, String kind, String outcome, LocalDate on) {
        return new DecisionPublished(UUID.randomUUID(), session, instance, VALMONT, "STEERING_COMMITTEE",
                UUID.randomUUID(), kind, null, "Décision", outcome, 5, 0, 0, List.of(), on);
    }

    private IndicatorDefined indicator(UUID id, String direction) {
        boolean up = "UP".equals(direction);
        return new IndicatorDefined(id, VALMONT, "TENANT", VALMONT, "Taux", "%", direction,
                up ? BigDecimal.ZERO : new BigDecimal("200"), LocalDate.of(2026, 1, 1),
                up ? new BigDecimal("100") : new BigDecimal("120"), LocalDate.of(2026, 12, 31));
    }

    private void publish(Object aggregate, String occurredAt, Record payload) {
        publish(VALMONT, aggregate, occurredAt, payload);
    }

    /** Publishes as a service does (see {@link TestEnvelopes}), and keeps the record to send it again. */
    private void publish(String tenant, Object aggregate, String occurredAt, Record payload) {
        TestRecord<String, String> record = new TestRecord<>(aggregate.toString(),
                envelopes.envelope(tenant, aggregate, occurredAt, payload));
        record.headers().add("topic", TestEnvelopes.topicOf(payload).getBytes(StandardCharsets.UTF_8));
        sent.add(record);
        inputs.get(topicOf(record)).pipeInput(record);
    }

    private static String topicOf(TestRecord<String, String> record) {
        return new String(record.headers().lastHeader("topic").value(), StandardCharsets.UTF_8);
    }

    /** The owner's latest report of the quarter on the output topic. */
    private TerritoryReport report(String owner, int year, int quarter) {
        territory.readKeyValuesToList().forEach(kv -> reports.put(kv.key, kv.value));
        String value = reports.get(owner + "/" + year + "/Q" + quarter);
        assertThat(value).as("report of " + owner + " " + year + " Q" + quarter).isNotNull();
        return json.readValue(value, TerritoryReport.class);
    }
}
