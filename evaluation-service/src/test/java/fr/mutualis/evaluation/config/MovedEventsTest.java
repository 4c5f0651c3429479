package fr.mutualis.evaluation.config;

import fr.mutualis.evaluation.EvaluationIntegrationTest;
import fr.mutualis.testsupport.EarlierEventStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Domain events left {@code command} for {@code messages}: an event store written before still names them
 * {@code fr.mutualis.evaluation.command.*}, and both the projection and the aggregate must read them.
 */
class MovedEventsTest extends EvaluationIntegrationTest {

    @Test
    void anEventStoredUnderItsOldPackageIsStillRead() {
        String siren = newSiren();
        String token = agent(siren);
        var created = http.post("/api/evaluation/indicators", """
                {"scopeKind": "TENANT", "scopeId": "%s", "name": "Part des démarches en ligne", "unit": "%%",
                 "baselineValue": 10, "baselineDate": "2026-01-01", "targetValue": 50, "targetDate": "2028-12-31",
                 "direction": "UP", "frequency": "QUARTERLY"}""".formatted(siren), token, null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String original = created.json().get("id").asString();
        String copy = UUID.randomUUID().toString();
        // A copy of the definition as an older build stored it: same payload, the type named by the command package.
        EarlierEventStore.copyFirstEvent(jdbc, original, copy, "fr.mutualis.evaluation.command.IndicatorDefined");

        String path = "/api/evaluation/indicators/" + copy;
        await().atMost(Duration.ofSeconds(10)).until(() -> http.get(path, token, null).status() == 200);
        var measured = http.post(path + "/measurements", """
                {"date": "%s", "value": 12, "source": "Tableau de bord GRU"}""".formatted(LocalDate.now(ZoneId.of("Europe/Paris"))),
                token, null);
        assertThat(measured.status()).as(measured.toString()).isEqualTo(201);
    }
}
