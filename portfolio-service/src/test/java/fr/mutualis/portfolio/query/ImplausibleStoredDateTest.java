package fr.mutualis.portfolio.query;

import fr.mutualis.kit.tenant.Owner;
import fr.mutualis.portfolio.PortfolioServiceTest;
import fr.mutualis.portfolio.messages.MilestonePlanned;
import fr.mutualis.portfolio.messages.MilestoneReached;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events written before dates were bounded may carry any year Java accepts: the read models store them as the
 * nearest plausible date, so the project and every list that includes it keep answering, and the aggregate still
 * takes commands.
 */
class ImplausibleStoredDateTest extends PortfolioServiceTest {

    @Autowired
    EventStore events;

    @Test
    void aMilestonePlannedOnAnAbsurdDateBeforeTheFixBreaksNoRead() {
        String projectId = proposeProject(createRoadmap(VALMONT_AGENT), VALMONT_AGENT);
        UUID project = UUID.fromString(projectId);
        UUID ancient = UUID.randomUUID();
        UUID distant = UUID.randomUUID();
        append(project, 1, new MilestonePlanned(project, ancient, Owner.tenant(VALMONT), "Jadis", LocalDate.MIN));
        append(project, 2, new MilestonePlanned(project, distant, Owner.tenant(VALMONT), "Un jour", LocalDate.MAX));
        append(project, 3, new MilestoneReached(project, distant, Owner.tenant(VALMONT), LocalDate.MAX, LocalDate.of(-4800, 1, 1)));

        JsonNode read = awaitProject(projectId, VALMONT_AGENT, json -> json.get("version").asLong() == 3);
        assertThat(read.get("milestones").size()).isEqualTo(2);
        assertThat(read.get("milestones").get(0).get("plannedDate").asString()).isEqualTo("1900-01-01");
        assertThat(read.get("milestones").get(1).get("plannedDate").asString()).isEqualTo("2200-12-31");
        assertThat(read.get("milestones").get(1).get("actualDate").asString()).isEqualTo("1900-01-01");
        var list = http.get("/api/portfolio/projects?size=200", VALMONT_AGENT, null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);

        var reached = http.post("/api/portfolio/projects/" + projectId + "/milestones/" + ancient + "/reach",
                "{\"actualDate\": \"2026-01-20\"}", VALMONT_AGENT, null);
        assertThat(reached.status()).as(reached.toString()).isEqualTo(200);
        assertThat(http.post("/api/portfolio/projects/" + projectId + "/cancel", "{}", VALMONT_AGENT, null).status())
                .isEqualTo(200);
        assertThat(awaitStatus(projectId, VALMONT_AGENT, "CANCELLED").get("milestones").size()).isEqualTo(2);
    }

    private void append(UUID project, long sequence, Object event) {
        events.publish(new GenericDomainEventMessage<>("Project", project.toString(), sequence, event));
    }
}
