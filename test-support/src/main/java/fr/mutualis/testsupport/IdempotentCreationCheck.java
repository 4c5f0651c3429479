package fr.mutualis.testsupport;

import fr.mutualis.contracts.HttpContract;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every creating endpoint promises with an {@code Idempotency-Key} (service-kit's Creations), checked the same
 * way for each: the key twice creates once ({@code count}, what the service's read model or list shows, grows by
 * one only) and the second answer is 200 {@code Idempotent-Replayed: true} with the first one's body and
 * {@code Location}; the key with another body is 422 {@code idempotency-key-reused} naming the header, changing
 * nothing.
 */
public final class IdempotentCreationCheck {

    private final TestHttp http;

    public IdempotentCreationCheck(TestHttp http) {
        this.http = http;
    }

    /** Returns the first answer (201), for the caller's further checks. */
    public TestHttp.Response createsOnce(String path, String token, String body,
                                         String otherBody, LongSupplier count) {
        return createsOnce(path, token, body, otherBody, 201, count);
    }

    /** As {@link #createsOnce(String, String, String, String, LongSupplier)}, the first answer {@code status}. */
    public TestHttp.Response createsOnce(String path, String token, String body,
                                         String otherBody, int status, LongSupplier count) {
        String key = UUID.randomUUID().toString();
        long before = count.getAsLong();
        TestHttp.Response first = post(path, token, key, body);
        assertThat(first.status()).as(path + " " + first).isEqualTo(status);
        assertThat(first.header(HttpContract.IDEMPOTENT_REPLAYED_HEADER)).isEmpty();
        // Some creations answer before their read model shows them (a collectivité): wait for the first one.
        await().atMost(Duration.ofSeconds(10)).until(() -> count.getAsLong() == before + 1);

        TestHttp.Response again = post(path, token, key, body);
        assertThat(again.status()).as(path + " " + again).isEqualTo(200);
        assertThat(again.header(HttpContract.IDEMPOTENT_REPLAYED_HEADER)).contains("true");
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));

        TestHttp.Response other = post(path, token, key, otherBody);
        assertThat(other.status()).as(path + " " + other).isEqualTo(422);
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(other.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(count.getAsLong()).as(path + ": created once").isEqualTo(before + 1);
        return first;
    }

    private TestHttp.Response post(String path, String token, String key, String body) {
        HttpRequest.Builder request = http.request(path, token, null).header("Content-Type", "application/json")
                .header(HttpContract.IDEMPOTENCY_KEY_HEADER, key).POST(HttpRequest.BodyPublishers.ofString(body));
        return http.send(request);
    }
}
