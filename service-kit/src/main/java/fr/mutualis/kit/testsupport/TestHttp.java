package fr.mutualis.kit.testsupport;

import fr.mutualis.contracts.HttpContract;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * A plain HTTP client for API tests: real requests, raw bodies, so that tests see exactly what clients see. An
 * {@link ExchangeCheck} sees every exchange (the e2e tests check each against the OpenAPI document).
 */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final ExchangeCheck check;

    public TestHttp(String baseUrl) {
        this(baseUrl, (request, body, response) -> { });
    }

    public TestHttp(String baseUrl, ExchangeCheck check) {
        this.baseUrl = baseUrl;
        this.check = check;
    }

    /** Called with each request, the body it sent and its answer; throws (fails the test) on what it refuses. */
    @FunctionalInterface
    public interface ExchangeCheck {
        void check(HttpRequest request, String body, Response response);
    }

    public Response get(String path, String token, String tenant) {
        return send(request(path, token, tenant).GET());
    }

    public Response post(String path, String body, String token, String tenant) {
        return send(request(path, token, tenant).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response put(String path, String body, String token, String tenant) {
        return send(request(path, token, tenant).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.build();
            Response response = new Response(client.send(request, HttpResponse.BodyHandlers.ofString()));
            check.check(request, body(request), response);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The bytes a request's publisher sends, read again (the JDK's publishers can be subscribed to more than once). */
    private static String body(HttpRequest request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        request.bodyPublisher().ifPresent(publisher -> publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }

            @Override
            public void onError(Throwable throwable) {
                throw new IllegalStateException(throwable);
            }

            @Override
            public void onComplete() {
            }
        }));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    public HttpRequest.Builder request(String path, String token, String tenant) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        if (tenant != null) {
            builder.header(HttpContract.TENANT_HEADER, tenant);
        }
        return builder;
    }

    /** An answer: status, headers and the body parsed as JSON when it is JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public boolean isProblem() {
            return header("Content-Type").map(type -> type.startsWith("application/problem+json")).orElse(false);
        }

        @Override
        public String toString() {
            return raw.statusCode() + " " + raw.body();
        }
    }
}
