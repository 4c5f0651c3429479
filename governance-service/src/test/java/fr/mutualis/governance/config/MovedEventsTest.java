package fr.mutualis.governance.config;

import fr.mutualis.governance.GovernanceIntegrationTest;
import fr.mutualis.governance.TestSirens;
import fr.mutualis.testsupport.EarlierEventStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Domain events left {@code command} for {@code messages}: an event store written before still names them
 * {@code fr.mutualis.governance.command.*}, and both the projection and the aggregate must read them.
 */
class MovedEventsTest extends GovernanceIntegrationTest {

    @Test
    void anEventStoredUnderItsOldPackageIsStillRead() {
        Territory t = newTerritory();
        String siren = TestSirens.random();
        // A copy of a registration as an older build stored it: same payload, the type named by the command package.
        EarlierEventStore.copyFirstEvent(jdbc, t.village(), siren, "fr.mutualis.governance.command.CollectiviteRegistered");

        String agent = t.agent(t.ville());
        var read = awaitStatus(() -> http.get("/api/governance/collectivites/" + siren, agent, null), 200);
        assertThat(read.json().get("siren").asString()).isEqualTo(siren);
        var designated = http.put("/api/governance/collectivites/" + siren + "/elected-lead", "{\"name\": \"Claire Martin\"}",
                platformAdmin(siren), null);
        assertThat(designated.status()).as(designated.toString()).isEqualTo(200);
    }
}
