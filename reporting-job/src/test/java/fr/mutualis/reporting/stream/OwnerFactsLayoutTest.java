package fr.mutualis.reporting.stream;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.budget.BudgetLineOpened;
import fr.mutualis.contracts.budget.CreditsVoted;
import fr.mutualis.contracts.budget.EngagementRecorded;
import fr.mutualis.contracts.evaluation.IndicatorDefined;
import fr.mutualis.contracts.evaluation.MeasurementRecorded;
import fr.mutualis.contracts.portfolio.ProjectProposed;
import fr.mutualis.contracts.portfolio.ProjectStatusChanged;
import fr.mutualis.reporting.report.OwnerFacts;
import fr.mutualis.reporting.report.TerritoryReports;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** An owner's facts as parts in the store: bounded whatever the owner's size, changed parts only, read back whole. */
class OwnerFactsLayoutTest {

    static final String VALMONT = "210000022";
    static final String AULNES = "210000048";

    final OwnerFactsLayout layout = new OwnerFactsLayout();
    final UUID line = UUID.randomUUID();
    final UUID indicator = UUID.randomUUID();
    long sequence;
    KeyValueStore<String, byte[]> store;

    @BeforeEach
    void open() {
        store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("facts"), Serdes.String(), Serdes.ByteArray())
                .withLoggingDisabled().build();
        store.init(new MockProcessorContext<>().getStateStoreContext(), store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void noPartGrowsWithTheOwnerAndTheOwnerComesBackWhole() {
        OwnerFacts valmont = OwnerFacts.empty(VALMONT);
        apply(valmont, new BudgetLineOpened(line, VALMONT, 2026, "INVESTMENT", "21", "Serveurs", null, 900_000_00));
        apply(valmont, new CreditsVoted(line, VALMONT, 2026, "INVESTMENT", "BP", 800_000_00));
        for (int i = 0; i < 20_000; i++) {
            apply(valmont, new EngagementRecorded(UUID.randomUUID(), line, VALMONT, 2026, "INVESTMENT", null, 10_00,
                    "E-" + i, LocalDate.of(2026, 1 + i % 12, 1)));
        }
        for (int i = 0; i < 5_000; i++) {
            UUID project = UUID.randomUUID();
            apply(valmont, new ProjectProposed(project, UUID.randomUUID(), VALMONT, "Projet " + i, "GRU",
                    "DEMATERIALISATION", null, null, 0, 0));
            apply(valmont, new ProjectStatusChanged(project, null, VALMONT, "GRU", "PROPOSED", "ASSESSED",
                    null, null, LocalDate.of(2026, 3, 1)));
        }
        apply(valmont, new IndicatorDefined(indicator, VALMONT, "COLLECTIVITE", VALMONT, "Démarches en ligne", "%",
                "UP", new BigDecimal("20"), LocalDate.of(2025, 12, 31), new BigDecimal("80"), LocalDate.of(2027, 12, 31)));
        for (int i = 0; i < 1_000; i++) {
            apply(valmont, new MeasurementRecorded(indicator, VALMONT, LocalDate.of(2026, 1, 1).plusDays(i % 365),
                    new BigDecimal(20 + i % 60), "suivi"));
        }

        layout.write(VALMONT, valmont, store);

        int largest = 0;
        try (KeyValueIterator<String, byte[]> parts = store.all()) {
            while (parts.hasNext()) {
                largest = Math.max(largest, parts.next().value.length);
            }
        }
        assertThat(largest).isLessThan(300);
        assertThat(store.approximateNumEntries()).isGreaterThan(31_000);
        OwnerFacts read = layout.read(VALMONT, store);
        assertThat(TerritoryReports.all(read)).isEqualTo(TerritoryReports.all(valmont))
                .anySatisfy(report -> assertThat(report.budget().investment().engagedCents()).isEqualTo(20_000 * 10_00L));
    }

    @Test
    void onlyThePartsAnEventChangedAreWrittenAgain() {
        OwnerFacts valmont = OwnerFacts.empty(VALMONT);
        apply(valmont, new BudgetLineOpened(line, VALMONT, 2026, "INVESTMENT", "21", "Serveurs", null, 900_000_00));
        apply(valmont, new CreditsVoted(line, VALMONT, 2026, "INVESTMENT", "BP", 800_000_00));
        valmont.drainChanges((path, part) -> { });

        UUID engagement = UUID.randomUUID();
        apply(valmont, new EngagementRecorded(engagement, line, VALMONT, 2026, "INVESTMENT", null, 10_00, "E-1",
                LocalDate.of(2026, 2, 1)));
        List<String> written = new ArrayList<>();
        valmont.drainChanges((path, part) -> written.add(path));

        assertThat(written).containsExactlyInAnyOrder("line/" + line, "line/" + line + "/engagement/" + engagement);
    }

    @Test
    void anOwnersPartsAreItsOwn() {
        OwnerFacts valmont = OwnerFacts.empty(VALMONT);
        apply(valmont, new BudgetLineOpened(line, VALMONT, 2026, "INVESTMENT", "21", "Serveurs", null, 900_000_00));
        OwnerFacts aulnes = OwnerFacts.empty(AULNES);
        apply(aulnes, new BudgetLineOpened(UUID.randomUUID(), AULNES, 2026, "OPERATING", "011", "Licences", null, 5_00));
        layout.write(VALMONT, valmont, store);
        layout.write(AULNES, aulnes, store);

        assertThat(layout.read(VALMONT, store).lines()).containsOnlyKeys(line);
        layout.delete(VALMONT, store);
        assertThat(layout.read(VALMONT, store)).isNull();
        assertThat(layout.read(AULNES, store).lines()).hasSize(1);
    }

    private void apply(OwnerFacts facts, Record payload) {
        facts.apply(new EventEnvelope(UUID.randomUUID(), "test", 1, Instant.parse("2026-01-15T10:00:00Z"),
                facts.owner(), null, sequence++, null, null), payload);
    }
}
