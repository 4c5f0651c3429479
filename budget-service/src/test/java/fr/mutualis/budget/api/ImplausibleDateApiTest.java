package fr.mutualis.budget.api;

import fr.mutualis.budget.BudgetIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Engagement, mandate and transfer dates are refused beyond 1900-01-01..2200-12-31, naming the field. */
class ImplausibleDateApiTest extends BudgetIntegrationTest {

    @Test
    void spendingAndTransferDatesBeyondThePlausibleRangeAreRefusedNamingTheField() {
        int year = 2045;
        String software = votedLine(VALMONT_AGENT, year, "INVESTMENT", "20", 1_000_000);
        String hardware = votedLine(VALMONT_AGENT, year, "INVESTMENT", "21", 600_000);
        String engagement = http.post("/api/budget/lines/" + software + "/engagements", spending(10_000, "BC-1", year + "-02-01"),
                VALMONT_AGENT, null).json().get("id").asString();
        long events = eventCount();

        for (String date : List.of("-999999999-01-01", "+999999999-12-31", "0001-01-01", "1899-12-31", "2201-01-01")) {
            assertDateRefused(http.post("/api/budget/lines/" + software + "/engagements", spending(1_000, "BC-2", date),
                    VALMONT_AGENT, null), "date");
            assertDateRefused(http.post("/api/budget/engagements/" + engagement + "/mandates", spending(1_000, "M-1", date),
                    VALMONT_AGENT, null), "date");
            assertDateRefused(http.post("/api/budget/transfers", """
                    {"fromLineId": "%s", "toLineId": "%s", "amountCents": 1000, "reason": "Report", "date": "%s"}"""
                    .formatted(hardware, software, date), VALMONT_AGENT, null), "date");
        }
        assertThat(eventCount()).isEqualTo(events);
        assertThat(line(software, VALMONT_AGENT).get("engagedCents").asLong()).isEqualTo(10_000);
    }

    private static void assertDateRefused(TestHttp.Response answer, String field) {
        assertBadRequest(answer, "between 1900-01-01 and 2200-12-31");
        assertThat(answer.json().get("errors").valueStream().map(error -> error.get("field").asString()))
                .as(answer.toString()).containsExactly(field);
    }
}
