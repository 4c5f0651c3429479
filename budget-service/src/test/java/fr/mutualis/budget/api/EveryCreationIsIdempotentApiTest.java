package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.testsupport.IdempotentCreationCheck;
import org.junit.jupiter.api.Test;

import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every creating {@code POST} of the budget honours {@code Idempotency-Key} through the kit's Creations: the same
 * key twice creates once and answers the replay, the key with another body is refused (IdempotentCreationCheck). An
 * engagement or a mandate sent twice would consume the credits twice. Transfers and allocations are checked in
 * TransferApiTest and AllocationApiTest, beside their fixtures.
 */
class EveryCreationIsIdempotentApiTest extends BudgetIntegrationTest {

    @Test
    void lines() {
        check().createsOnce("/api/budget/lines", VALMONT_AGENT, BudgetApiTest.line(2026, "OPERATING", "011", 1_000),
                BudgetApiTest.line(2026, "OPERATING", "011", 2_000), rows("budget_line_view"));
    }

    @Test
    void programmes() {
        check().createsOnce("/api/budget/programmes", VALMONT_AGENT, programme(8_000), programme(9_000),
                rows("programme_view"));
    }

    @Test
    void votes() {
        String line = openLine(VALMONT_AGENT, 2026, "OPERATING", "011", 5_000);
        // A vote is no resource of its own: each line voted records it once.
        check().createsOnce("/api/budget/votes", VALMONT_AGENT, vote(line, 5_000), vote(line, 6_000),
                () -> jdbc.sql("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = :line")
                        .param("line", line).query(Long.class).single());
    }

    @Test
    void engagements() {
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "20", 100_000);
        check().createsOnce("/api/budget/lines/" + line + "/engagements", VALMONT_AGENT,
                spending(10_000, "E-1", "2026-03-01"), spending(20_000, "E-1", "2026-03-01"), rows("engagement_view"));
        assertThat(line(line, VALMONT_AGENT).get("engagedCents").asLong()).as("the credits consumed once")
                .isEqualTo(10_000);
    }

    @Test
    void mandates() {
        String line = votedLine(VALMONT_AGENT, 2026, "INVESTMENT", "21", 100_000);
        var engagement = http.post("/api/budget/lines/" + line + "/engagements", spending(10_000, "E-2", "2026-03-01"),
                VALMONT_AGENT, null);
        assertThat(engagement.status()).as(engagement.toString()).isEqualTo(201);
        check().createsOnce("/api/budget/engagements/" + engagement.json().get("id").asString() + "/mandates",
                VALMONT_AGENT, spending(4_000, "M-1", "2026-04-01"), spending(5_000, "M-1", "2026-04-01"),
                rows("mandate_view"));
    }

    private IdempotentCreationCheck check() {
        return new IdempotentCreationCheck(http);
    }

    private LongSupplier rows(String table) {
        return () -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void programmeRevisions() {
        var programme = http.post("/api/budget/programmes", programme(8_000), VALMONT_AGENT, null);
        assertThat(programme.status()).as(programme.toString()).isEqualTo(201);
        String id = programme.json().get("id").asString();
        var first = check().createsOnce("/api/budget/programmes/" + id + "/revisions", VALMONT_AGENT,
                revision(9_000), revision(10_000), 200, rows("programme_revision"));
        assertThat(first.header("ETag")).contains("\"" + first.json().get("version").asLong() + "\"");
        assertThat(first.json().get("revision").asInt()).isEqualTo(1);
    }

    private static String revision(long amountCents) {
        return """
                {"amountCents": %d, "schedule": [{"year": 2026, "amountCents": %d}], "reason": "Avenant"}"""
                .formatted(amountCents, amountCents);
    }

    private static String programme(long amountCents) {
        return """
                {"label": "AP Logiciels", "chapter": "20", "amountCents": %d, "schedule": [{"year": 2026, "amountCents": %d}]}"""
                .formatted(amountCents, amountCents);
    }

    private static String vote(String line, long creditsCents) {
        return """
                {"fiscalYear": 2026, "stage": "BP", "lines": [{"lineId": "%s", "creditsCents": %d}]}"""
                .formatted(line, creditsCents);
    }
}
