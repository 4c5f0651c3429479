package fr.mutualis.budget;

import fr.mutualis.testsupport.EarlierEventStore;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Event stores written before the domain events left {@code command} for {@code messages} hold them under their old
 * type names: the service's {@code MovedEventTypes} upcaster reads them as the moved classes.
 */
class MovedEventsTest extends BudgetIntegrationTest {

    private static final String OLD_TYPE = "fr.mutualis.budget.command.BudgetLineOpened";

    @Test
    void aLineOpenedUnderTheOldTypeNameIsProjectedAndItsAggregateLoads() {
        String template = openLine(VALMONT_AGENT, 2051, "INVESTMENT", "20", 500);
        String line = UUID.randomUUID().toString();
        // The row the serializer wrote for another line, with this line's id and the type name an older store holds.
        EarlierEventStore.copyFirstEvent(jdbc, template, line, OLD_TYPE);

        // The projection applies it, then the aggregate loads from it and accepts a vote.
        assertThat(awaitLine(line, VALMONT_AGENT, read -> true).get("label").asString()).isEqualTo("Ligne 20");
        vote(VALMONT_AGENT, 2051, "BP", line, 400);
        assertThat(awaitLine(line, VALMONT_AGENT, read -> read.get("votedCents").asLong() == 400)).isNotNull();
    }
}
