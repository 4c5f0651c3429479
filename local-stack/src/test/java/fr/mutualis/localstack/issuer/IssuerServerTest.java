package fr.mutualis.localstack.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import fr.mutualis.testsupport.MovableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded issuer, started the way the local stack starts it, on a free port. */
class IssuerServerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static IssuerServer issuer;
    private static TokenClient tokens;
    private static JwtDecoder decoder;

    @BeforeAll
    static void start() {
        issuer = IssuerServer.start(0, null);
        tokens = new TokenClient(URI.create(issuer.tokenUri()));
        NimbusJwtDecoder nimbus = NimbusJwtDecoder.withJwkSetUri(issuer.jwkSetUri()).build();
        nimbus.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer.issuerUri()));
        decoder = nimbus;
    }

    @AfterAll
    static void stop() {
        issuer.close();
    }

    @Test
    void demoClientTokenCarriesTenantsRolesAndNameAndVerifiesAgainstTheJwkSet() {
        Jwt jwt = decoder.decode(tokens.token("valmont-agent", "demo"));

        assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
        assertThat(jwt.getSubject()).isEqualTo("valmont-agent");
        assertThat(jwt.getClaimAsStringList("tenants")).containsExactly("210000022");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("AGENT");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Agent de Valmont");
        // A client acting for itself is no person: no address to send mails to.
        assertThat(jwt.hasClaim("email")).isFalse();
        assertThat(jwt.getIssuer()).hasToString("http://localhost:" + issuer.port());
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void platformAdminActsForTheFourTenants() {
        Jwt jwt = decoder.decode(tokens.token("platform-admin", "demo"));

        assertThat(jwt.getClaimAsStringList("tenants"))
                .containsExactlyInAnyOrder("200000016", "210000022", "210000030", "210000048");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PLATFORM_ADMIN");
    }

    @Test
    void anIssuerSignsWithTheKeyOfTheFileNamedForIt(@TempDir Path dir) throws Exception {
        String configured = System.getProperty(IssuerServer.KEY_PROPERTY);
        Path file = dir.resolve("issuer-key.json");
        System.setProperty(IssuerServer.KEY_PROPERTY, file.toString());
        try (IssuerServer another = IssuerServer.start(0, null)) {
            RSAKey written = JWKSet.load(file.toFile()).getKeys().getFirst().toRSAKey();
            RSAKey served = JWKSet.parse(get(another, "/oauth2/jwks").body()).getKeys().getFirst().toRSAKey();

            assertThat(served.getKeyID()).isEqualTo(written.getKeyID());
            assertThat(served.getModulus()).isEqualTo(written.getModulus());
            assertThat(NimbusJwtDecoder.withJwkSetUri(another.jwkSetUri()).build()
                    .decode(new TokenClient(URI.create(another.tokenUri())).token("valmont-agent", "demo"))
                    .getSubject()).as("signed with it").isEqualTo("valmont-agent");
        } finally {
            if (configured == null) {
                System.clearProperty(IssuerServer.KEY_PROPERTY);
            } else {
                System.setProperty(IssuerServer.KEY_PROPERTY, configured);
            }
        }
    }

    @Test
    void wrongSecretIsRefused() {
        assertThatThrownBy(() -> tokens.token("valmont-agent", "not-the-secret"))
                .hasMessageContaining("answered 401");
    }

    @Test
    void publishesDiscoveryMetadata() throws Exception {
        HttpResponse<String> response = get("/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode metadata = JSON.readTree(response.body());
        assertThat(metadata.get("issuer").asString()).isEqualTo(issuer.issuerUri());
        assertThat(metadata.get("jwks_uri").asString()).isEqualTo(issuer.jwkSetUri());
        assertThat(get("/.well-known/oauth-authorization-server").statusCode()).isEqualTo(200);
    }

    @Test
    void registersAnExtraClientThatThenGetsTokens() throws Exception {
        HttpResponse<String> created = postClient("""
                {"clientId": "extra-agent", "secret": "s3cret", "name": "Agent supplémentaire",
                 "tenants": ["210000030", "210000048"], "roles": ["AGENT", "ELU"]}""");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/demo/clients/extra-agent");
        Jwt jwt = decoder.decode(tokens.token("extra-agent", "s3cret"));
        assertThat(jwt.getClaimAsStringList("tenants")).containsExactly("210000030", "210000048");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("AGENT", "ELU");
        assertThat(jwt.getClaimAsString("name")).isEqualTo("Agent supplémentaire");
    }

    @Test
    void refusesAClientIdThatExists() throws Exception {
        HttpResponse<String> response = postClient("""
                {"clientId": "valmont-agent", "secret": "x", "tenants": ["210000022"], "roles": ["AGENT"]}""");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(JSON.readTree(response.body()).get("type").asString())
                .isEqualTo("https://mutualis.fr/problems/client-exists");
        // a client that keeps no token: the issuer itself still answers the original client
        assertThat(new TokenClient(URI.create(issuer.tokenUri())).token("valmont-agent", "demo")).isNotBlank();
    }

    @Test
    void aClientsTokenIsKeptUntilShortlyBeforeItExpiresThenAskedForAgain() {
        Instant asked = Instant.now();
        MovableClock clock = new MovableClock(asked);
        TokenClient keeping = new TokenClient(URI.create(issuer.tokenUri()), clock);
        String first = keeping.token("valmont-elu", "demo");
        // its clients' tokens live ClientDirectory.ACCESS_TOKEN_TTL; the answer's expires_in, in whole seconds, may say
        // a second less
        Instant renewal = asked.plus(ClientDirectory.ACCESS_TOKEN_TTL).minus(TokenClient.RENEW_BEFORE_EXPIRY);

        assertThat(keeping.token("valmont-elu", "demo")).as("kept").isSameAs(first);
        clock.set(renewal.minusSeconds(5));
        assertThat(keeping.token("valmont-elu", "demo")).as("still kept").isSameAs(first);

        clock.set(renewal.plusSeconds(5));
        String renewed = keeping.token("valmont-elu", "demo");
        // each token has its own id (jti), so a new one differs from the first even within the same second
        assertThat(decoder.decode(first).getId()).isNotBlank();
        assertThat(renewed).as("asked for again").isNotEqualTo(first);
        assertThat(decoder.decode(renewed).getSubject()).isEqualTo("valmont-elu");
    }

    /**
     * The authorization server checks secrets with the encoder they were hashed with: Spring Security's default one
     * re-hashed a matched secret at BCrypt cost 10, after which each token request cost about 70 ms of CPU.
     */
    @Test
    void aClientsSecretKeepsItsCheapHashOnceMatched() {
        String before = issuer.storedSecret("aulnes-agent");
        for (int i = 0; i < 2; i++) {
            assertThat(new TokenClient(URI.create(issuer.tokenUri())).token("aulnes-agent", "demo")).isNotBlank();
        }

        assertThat(before).startsWith("{bcrypt}$2a$04$");
        assertThat(issuer.storedSecret("aulnes-agent")).isEqualTo(before);
    }

    @Test
    void aKeptTokenIsNeverAnsweredForAnotherSecret() {
        TokenClient keeping = new TokenClient(URI.create(issuer.tokenUri()));
        assertThat(keeping.token("staubin-agent", "demo")).isNotBlank();

        assertThatThrownBy(() -> keeping.token("staubin-agent", "not-the-secret")).hasMessageContaining("answered 401");
    }

    @Test
    void validatesTheNewClient() throws Exception {
        HttpResponse<String> response = postClient("""
                {"clientId": "a b", "secret": "", "tenants": ["210000023", "12"], "roles": ["agent"]}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://mutualis.fr/problems/invalid-request");
        assertThat(problem.get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("clientId", "secret", "tenants[0]", "tenants[1]", "roles[0]");
    }

    @Test
    void requiresTheArrays() throws Exception {
        HttpResponse<String> response = postClient("""
                {"clientId": "no-arrays", "secret": "x"}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("errors").valueStream().map(error -> error.get("field").asString()))
                .containsExactly("tenants", "roles");
    }

    @Test
    void malformedJsonIsAProblem() throws Exception {
        HttpResponse<String> response = postClient("{\"clientId\": ");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception");
    }

    @Test
    void luhnCheck() {
        assertThat(fr.mutualis.contracts.Sirens.isValid("210000022")).isTrue();
        assertThat(fr.mutualis.contracts.Sirens.isValid("200000016")).isTrue();
        assertThat(fr.mutualis.contracts.Sirens.isValid("210000023")).isFalse();
    }

    private static HttpResponse<String> postClient(String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(issuer.baseUrl() + "/demo/clients"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return get(issuer, path);
    }

    private static HttpResponse<String> get(IssuerServer server, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

}
