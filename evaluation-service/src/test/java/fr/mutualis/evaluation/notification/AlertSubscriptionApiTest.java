package fr.mutualis.evaluation.notification;

import fr.mutualis.evaluation.EvaluationIntegrationTest;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A person's alert subscriptions: validated, kept per person and tenant, refused to a client without an address. */
class AlertSubscriptionApiTest extends EvaluationIntegrationTest {

    private static final String PATH = "/api/evaluation/alert-subscriptions";

    @Test
    void aPersonReplacesAndReadsTheirSubscriptionsInTheirTenant() {
        String siren = newSiren();
        String token = person("claire-" + siren, "claire-" + siren + "@valmont.example", siren);
        assertThat(http.get(PATH, token, null).json().get("subscriptions")).isEmpty();

        TestHttp.Response put = http.put(PATH, """
                {"subscriptions": [{"kind": "MILESTONE_LATE", "mode": "DAILY_DIGEST"},
                                   {"kind": "CREDITS_NEARLY_CONSUMED", "mode": "IMMEDIATE"}]}""", token, null);
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode read = http.get(PATH, token, null).json();
        assertThat(read.get("email").asString()).isEqualTo("claire-" + siren + "@valmont.example");
        assertThat(read.get("subscriptions").toString()).isEqualTo(
                "[{\"kind\":\"CREDITS_NEARLY_CONSUMED\",\"mode\":\"IMMEDIATE\"},{\"kind\":\"MILESTONE_LATE\",\"mode\":\"DAILY_DIGEST\"}]");
        assertThat(put.json()).isEqualTo(read);

        assertThat(http.put(PATH, "{\"subscriptions\": []}", token, null).status()).isEqualTo(200);
        assertThat(http.get(PATH, token, null).json().get("subscriptions")).isEmpty();
    }

    @Test
    void badInputNamesTheFieldAndChangesNothing() {
        String siren = newSiren();
        String token = person("paul-" + siren, "paul@valmont.example", siren);
        http.put(PATH, "{\"subscriptions\": [{\"kind\": \"SHORT_NOTICE\", \"mode\": \"IMMEDIATE\"}]}", token, null);

        assertRefused(http.put(PATH, "{\"subscriptions\": [{\"kind\": \"NOT_A_KIND\", \"mode\": \"IMMEDIATE\"}]}", token, null),
                400, "subscriptions[0].kind");
        assertRefused(http.put(PATH, "{\"subscriptions\": [{\"kind\": \"SHORT_NOTICE\"}]}", token, null), 400,
                "subscriptions[0].mode");
        assertRefused(http.put(PATH, "{\"subscriptions\": [{\"kind\": \"SHORT_NOTICE\", \"mode\": \"WEEKLY\"}]}", token, null),
                400, "subscriptions[0].mode");
        assertRefused(http.put(PATH, """
                {"subscriptions": [{"kind": "SHORT_NOTICE", "mode": "IMMEDIATE"}, {"kind": "SHORT_NOTICE", "mode": "DAILY_DIGEST"}]}""",
                token, null), 400, "subscriptions[1].kind");
        assertRefused(http.put(PATH, "{}", token, null), 400, "subscriptions");

        assertThat(http.get(PATH, token, null).json().get("subscriptions").toString())
                .isEqualTo("[{\"kind\":\"SHORT_NOTICE\",\"mode\":\"IMMEDIATE\"}]");
    }

    /** A client acting for itself (client credentials) has no address to send to: it has nothing to read either. */
    @Test
    void aTokenWithoutAnAddressIsRefusedNamingIt() {
        String siren = newSiren();
        String body = "{\"subscriptions\": [{\"kind\": \"SHORT_NOTICE\", \"mode\": \"IMMEDIATE\"}]}";
        assertRefused(http.put(PATH, body, agent(siren), null), 422, "email");
        JsonNode read = http.get(PATH, agent(siren), null).json();
        assertThat(read.get("email").isNull()).isTrue();
        assertThat(read.get("subscriptions")).isEmpty();
        assertRefused(http.put(PATH, body, person("bad-" + siren, "pas une adresse", siren), null), 422, "email");
        assertThat(jdbc.sql("SELECT count(*) FROM alert_subscription WHERE tenant_id = :siren").param("siren", siren)
                .query(Long.class).single()).isZero();
    }

    @Test
    void subscriptionsAreThePersonsOwnInEachTenant() {
        String first = newSiren();
        String second = newSiren();
        String both = ISSUER.personToken("marie-" + first, "marie@cagv.example", List.of(first, second), List.of("AGENT"));
        http.put(PATH, "{\"subscriptions\": [{\"kind\": \"MINUTES_LATE\", \"mode\": \"IMMEDIATE\"}]}", both, first);

        assertThat(http.get(PATH, both, first).json().get("subscriptions")).hasSize(1);
        assertThat(http.get(PATH, both, second).json().get("subscriptions")).isEmpty();
        // Another person of the same tenant has subscriptions of their own.
        assertThat(http.get(PATH, person("luc-" + first, "luc@cagv.example", first), null).json().get("subscriptions")).isEmpty();
        // A tenant the token does not name.
        assertThat(http.get(PATH, person("luc-" + first, "luc@cagv.example", first), second).status()).isEqualTo(403);
    }

    private static void assertRefused(TestHttp.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.isProblem()).as(response.toString()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field")).as(response.toString()).contains(field);
    }
}
