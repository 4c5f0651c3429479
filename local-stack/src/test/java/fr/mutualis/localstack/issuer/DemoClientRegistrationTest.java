package fr.mutualis.localstack.issuer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code POST /demo/clients} mints a client with any tenants and roles, unauthenticated: only callers on the issuer's
 * machine may use it. Every token the issuer signs is for the platform's audience.
 */
class DemoClientRegistrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String NEW_CLIENT = """
            {"clientId": "%s", "secret": "s3cret", "name": "Probe", "tenants": ["210000022"], "roles": ["PLATFORM_ADMIN"]}""";

    private static IssuerServer issuer;

    @BeforeAll
    static void start() {
        issuer = IssuerServer.start(0, null);
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void aCallerFromAnotherAddressCannotRegisterAClient() throws Exception {
        Optional<InetAddress> external = nonLoopbackAddress();
        assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address to call from");
        HttpResponse<String> refused = post("http://" + external.get().getHostAddress() + ":" + issuer.port(), "remote-probe");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(post(issuer.baseUrl(), "local-probe").statusCode()).isEqualTo(201);
    }

    @Test
    void loopbackAddressesAreTheOnlyOnesAccepted() {
        assertThat(DemoClientController.isLoopback("127.0.0.1")).isTrue();
        assertThat(DemoClientController.isLoopback("0:0:0:0:0:0:0:1")).isTrue();
        assertThat(DemoClientController.isLoopback("192.168.1.20")).isFalse();
        assertThat(DemoClientController.isLoopback("")).isFalse();
        assertThat(DemoClientController.isLoopback(null)).isFalse();
    }

    @Test
    void everyTokenIsForThePlatformAudience() {
        JwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        String token = new TokenClient(URI.create(issuer.tokenUri())).token("valmont-agent", "demo");
        assertThat(decoder.decode(token).getAudience()).contains(IssuerServer.PLATFORM_AUDIENCE);
    }

    private static HttpResponse<String> post(String baseUrl, String clientId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/demo/clients"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(NEW_CLIENT.formatted(clientId)))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(network -> {
                    try {
                        return network.isUp() && !network.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }
}
