package fr.mutualis.portfolio.api;

import fr.mutualis.portfolio.PortfolioServiceTest;
import fr.mutualis.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared creation mechanism of the kit (kit.creation.Creations) on {@code POST /projects}: an
 * {@code Idempotency-Key} creates one project whatever the number of requests, concurrent ones included, and refuses
 * another body; {@code ?dryRun=true} applies every check of a real creation and writes nothing.
 */
class IdempotentCreationApiTest extends PortfolioServiceTest {

    @Test
    void theSameKeyTwiceCreatesOneProjectAndTheReplaySaysSo() {
        String roadmap = createRoadmap(VALMONT_AGENT);
        String key = UUID.randomUUID().toString();
        var first = withKey(projectJson(roadmap), key, "");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        String id = first.json().get("id").asString();
        long events = eventCount();

        var again = withKey(projectJson(roadmap), "\"" + key + "\"", "");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(id);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(id));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(eventCount(id)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedNamingTheHeader() {
        String roadmap = createRoadmap(VALMONT_AGENT);
        String key = UUID.randomUUID().toString();
        assertThat(withKey(projectJson(roadmap), key, "").status()).isEqualTo(201);
        long events = eventCount();
        var other = withKey(projectJson(roadmap).replace("Portail open data", "Autre projet"), key, "");
        assertProblem(other, 422, "idempotency-key-reused");
        assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void anotherTenantsSameKeyIsAnotherProject() {
        String ours = createRoadmap(VALMONT_AGENT);
        String theirs = createRoadmap(STAUBIN_AGENT);
        String key = UUID.randomUUID().toString();
        var mine = withKey(projectJson(ours), key, "");
        var its = send(projectJson(theirs), key, "", STAUBIN_AGENT);
        assertThat(mine.status()).isEqualTo(201);
        assertThat(its.status()).as(its.toString()).isEqualTo(201);
        assertThat(its.json().get("id").asString()).isNotEqualTo(mine.json().get("id").asString());
    }

    @Test
    void concurrentRequestsWithTheSameKeyCreateOneProject() throws Exception {
        String roadmap = createRoadmap(VALMONT_AGENT);
        String key = UUID.randomUUID().toString();
        long events = eventCount();
        List<TestHttp.Response> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            Callable<TestHttp.Response> request = () -> withKey(projectJson(roadmap), key, "");
            List<Future<TestHttp.Response>> futures = pool.invokeAll(List.of(request, request, request, request));
            answers = futures.stream().map(future -> {
                try {
                    return future.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
        }
        assertThat(answers).extracting(TestHttp.Response::status).as(answers.toString()).containsOnly(200, 201)
                .containsOnlyOnce(201);
        assertThat(answers).extracting(answer -> answer.json().get("id").asString()).containsOnly(
                answers.getFirst().json().get("id").asString());
        assertThat(eventCount()).isEqualTo(events + 1);
    }

    @Test
    void aDryRunWritesNothingAndAnswersTheSameProblemsAsACreation() {
        String roadmap = createRoadmap(VALMONT_AGENT);
        String theirs = createRoadmap(STAUBIN_AGENT);
        long events = eventCount();

        var valid = withKey(projectJson(roadmap), UUID.randomUUID().toString(), "?dryRun=true");
        assertThat(valid.status()).as(valid.toString()).isEqualTo(200);
        assertThat(valid.json().get("dryRun").asBoolean()).isTrue();

        // A rule of the aggregate (participants of a tenant's own project), a missing reference, bean validation.
        String participants = projectJson(roadmap).replace("\"estimatedOperatingCents\": 1200000",
                "\"estimatedOperatingCents\": 1200000, \"participantSirens\": [\"" + SAINT_AUBIN + "\"]");
        for (String body : List.of(participants, projectJson(theirs), projectJson(roadmap).replace("\"title\": \"Portail open data\",", ""))) {
            var dryRun = send(body, null, "?dryRun=true", VALMONT_AGENT);
            var real = send(body, null, "", VALMONT_AGENT);
            assertThat(dryRun.isProblem()).as(dryRun.toString()).isTrue();
            assertThat(dryRun.status()).as(dryRun.toString()).isEqualTo(real.status());
            assertThat(dryRun.json().get("type")).isEqualTo(real.json().get("type"));
            assertThat(dryRun.json().get("errors")).isEqualTo(real.json().get("errors"));
        }
        assertThat(eventCount()).isEqualTo(events);
        assertProblem(send(projectJson(roadmap), null, "?dryRun=maybe", VALMONT_AGENT), 400, "dryRun");
    }

    @Test
    void aDryRunOfAnAlreadyUsedKeyAnswersAsItsReplay() {
        String roadmap = createRoadmap(VALMONT_AGENT);
        String key = UUID.randomUUID().toString();
        String id = withKey(projectJson(roadmap), key, "").json().get("id").asString();
        var dryRun = withKey(projectJson(roadmap), key, "?dryRun=true");
        assertThat(dryRun.status()).isEqualTo(200);
        assertThat(dryRun.header("Idempotent-Replayed")).contains("true");
        assertThat(dryRun.json().get("id").asString()).isEqualTo(id);
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeader() {
        String roadmap = createRoadmap(VALMONT_AGENT);
        long events = eventCount();
        var refused = withKey(projectJson(roadmap), "x".repeat(256), "");
        assertProblem(refused, 400, "Idempotency-Key");
        assertThat(eventCount()).isEqualTo(events);
    }

    private TestHttp.Response withKey(String body, String key, String query) {
        return send(body, key, query, VALMONT_AGENT);
    }

    private TestHttp.Response send(String body, String key, String query, String token) {
        HttpRequest.Builder request = http.request("/api/portfolio/projects" + query, token, null)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request);
    }
}
