package fr.mutualis.evaluation.api;

import fr.mutualis.evaluation.EvaluationIntegrationTest;
import fr.mutualis.testsupport.IdempotentCreationCheck;
import org.junit.jupiter.api.Test;

import java.util.function.LongSupplier;

import static fr.mutualis.evaluation.api.EvaluationApiTest.TODAY;
import static fr.mutualis.evaluation.api.EvaluationApiTest.indicator;
import static fr.mutualis.evaluation.api.EvaluationApiTest.measurement;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every creating {@code POST} of evaluation honours {@code Idempotency-Key} through the kit's Creations: the same
 * key twice creates once and answers the replay, the key with another body is refused (IdempotentCreationCheck).
 */
class EveryCreationIsIdempotentApiTest extends EvaluationIntegrationTest {

    @Test
    void indicators() {
        String siren = newSiren();
        new IdempotentCreationCheck(http).createsOnce("/api/evaluation/indicators", agent(siren),
                indicator(siren, "UP", "40", "80"), indicator(siren, "UP", "40", "90"), rows("indicator_view"));
    }

    @Test
    void measurements() {
        String siren = newSiren();
        var created = http.post("/api/evaluation/indicators", indicator(siren, "UP", "0", "100", TODAY.minusYears(1),
                TODAY.plusYears(1)), agent(siren), null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var first = new IdempotentCreationCheck(http).createsOnce(
                "/api/evaluation/indicators/" + created.json().get("id").asString() + "/measurements", agent(siren), measurement(TODAY, "60"), measurement(TODAY, "70"), rows("indicator_measurement"));
        assertThat(first.header("ETag")).isPresent();
    }

    private LongSupplier rows(String table) {
        return () -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
