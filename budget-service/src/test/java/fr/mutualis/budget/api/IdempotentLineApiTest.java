package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /lines} with the kit's creation mechanism: an {@code Idempotency-Key} opens one line, and a dry run
 * writes nothing even when the line would also have been attached to its programme (two aggregates, one
 * transaction rolled back).
 */
class IdempotentLineApiTest extends BudgetIntegrationTest {

    @Test
    void theSameKeyTwiceOpensOneLine() {
        String key = UUID.randomUUID().toString();
        var first = post(BudgetApiTest.line(2026, "OPERATING", "011", 1_000), key, "");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        long events = eventCount();
        var again = post(BudgetApiTest.line(2026, "OPERATING", "011", 1_000), key, "");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(eventCount()).isEqualTo(events);
        var other = post(BudgetApiTest.line(2026, "OPERATING", "011", 2_000), key, "");
        assertThat(other.status()).as(other.toString()).isEqualTo(422);
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void aDryRunChecksLikeAnOpeningAndWritesNothing() {
        var programme = http.post("/api/budget/programmes", """
                {"label": "AP Logiciels", "chapter": "20", "amountCents": 8000, "schedule": [{"year": 2026, "amountCents": 8000}]}""",
                VALMONT_AGENT, null);
        assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
        String withProgramme = BudgetApiTest.line(2026, "INVESTMENT", "20", 1_000)
                .replace("\"plannedCents\"", "\"programmeId\": \"" + programme.json().get("id").asString() + "\", \"plannedCents\"");
        long events = eventCount();

        var valid = post(withProgramme, null, "?dryRun=true");
        assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
        var wrongChapter = post(BudgetApiTest.line(2026, "INVESTMENT", "012", 100), null, "?dryRun=true");
        assertThat(wrongChapter.status()).as(wrongChapter.toString()).isEqualTo(422);
        assertThat(wrongChapter.json().get("type").asString()).endsWith("/chapter-section");
        assertThat(eventCount()).isEqualTo(events);

        assertThat(post(withProgramme, null, "").status()).isEqualTo(201);
        assertThat(eventCount()).isGreaterThan(events);
    }

    private TestHttp.Response post(String body, String key, String query) {
        HttpRequest.Builder request = http.request("/api/budget/lines" + query, VALMONT_AGENT, null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request);
    }
}
