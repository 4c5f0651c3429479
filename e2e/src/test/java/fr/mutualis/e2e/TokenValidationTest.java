package fr.mutualis.e2e;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.e2e.support.Sirens;
import fr.mutualis.testsupport.SharedRsaKeys;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestHttp.Response;
import fr.mutualis.localstack.LocalStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every token the platform must refuse is refused with 401 problem+json at the gateway AND by each of the four
 * services called directly on its own port (defence in depth: a service reachable behind the gateway validates the
 * relayed token itself). The bad tokens differ from a good one in exactly one respect, and are signed with the
 * issuer's real key wherever the respect is not the signature, so each rule is shown to work on its own.
 */
@ExtendWith(Platform.class)
class TokenValidationTest {

    /** A key the platform does not know, made once: a 2048-bit RSA key costs seconds of CPU under the tests' C1. */
    private static final RSAKey ANOTHER_KEY = SharedRsaKeys.generate(UUID.randomUUID().toString());

    /** A read of each context that any agent of a tenant may call. */
    private static final Map<String, String> PROBES = Map.of(
            "portfolio-service", "/api/portfolio/projects",
            "budget-service", "/api/budget/lines",
            "governance-service", "/api/governance/instances",
            "evaluation-service", "/api/evaluation/dashboard");

    private static LocalStack stack;
    private static String client;
    private static String valid;

    @BeforeAll
    static void client() {
        stack = Platform.stack();
        String siren = Sirens.next();
        client = "e2e-token-agent-" + siren;
        stack.registerClient(client, "secret", List.of(siren), List.of("AGENT"));
        valid = stack.token(client, "secret");
    }

    @Test
    void everyBadTokenAnswers401AtTheGatewayAndAtEachServiceCalledDirectly() throws Exception {
        Map<String, String> bad = badTokens();
        List<String> failures = new ArrayList<>();
        int cases = 0;
        for (Map.Entry<String, String> probe : PROBES.entrySet()) {
            List<TestHttp> targets = List.of(Platform.gatewayForInvalidRequests(), new TestHttp(stack.appUrl(probe.getKey())));
            for (TestHttp target : targets) {
                String where = target == targets.get(0) ? "gateway" : probe.getKey();
                Response control = target.get(probe.getValue(), valid, null);
                assertThat(control.status()).as(where + " " + probe.getValue() + " with a valid token: " + control)
                        .isEqualTo(200);
                for (Map.Entry<String, String> token : bad.entrySet()) {
                    cases++;
                    Response answer = target.get(probe.getValue(), token.getValue(), null);
                    if (answer.status() != 401 || !answer.isProblem()) {
                        failures.add(where + " " + probe.getValue() + " with " + token.getKey() + ": " + answer);
                    }
                }
            }
        }
        System.out.printf("tokens: %d refused-token cases (%d kinds x 4 routes, each through the gateway and on its service directly)%n",
                cases, bad.size());
        assertThat(failures).as("bad tokens not answered 401 problem+json").isEmpty();
    }

    @Test
    void aWriteWithAForgedTokenChangesNothing() throws Exception {
        String forged = badTokens().get("wrong signature (claims changed after signing)");
        String body = """
                {"title": "Forgé", "startYear": 2026, "endYear": 2028, "axes": ["OPEN_DATA"]}""";
        for (TestHttp target : List.of(Platform.gatewayForInvalidRequests(), new TestHttp(stack.appUrl("portfolio-service")))) {
            Response answer = target.post("/api/portfolio/roadmaps", body, forged, null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        }
        Response roadmaps = Platform.gatewayForInvalidRequests().get("/api/portfolio/roadmaps", valid, null);
        assertThat(roadmaps.json().get("total").asLong()).isZero();
    }

    @Test
    void aTokenOfThePlatformsIssuerForAnotherApplicationIsRefusedAtTheGatewayAsAProblemNamingTheTrace() {
        String otherAudience = stack.signedToken(client, c -> {
            c.put("aud", List.of("another-application"));
            return c;
        });
        String trace = "5af7651916cd43dd8448eb211c80319c";
        TestHttp gateway = Platform.gatewayForInvalidRequests();
        Response answer = gateway.send(gateway.request("/api/portfolio/projects", otherAudience, null)
                .header("traceparent", "00-" + trace + "-b7ad6b7169203331-01").GET());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.isProblem()).as(answer.toString()).isTrue();
        assertThat(answer.json().get("type").asString()).isEqualTo("https://mutualis.fr/problems/unauthenticated");
        assertThat(answer.header("WWW-Authenticate")).hasValueSatisfying(challenge ->
                assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
        assertThat(answer.json().path("traceId").asString()).as("the problem names the client's trace").isEqualTo(trace);
    }

    private Map<String, String> badTokens() throws Exception {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("a token that is not a JWT", "not-a-jwt");
        String[] parts = valid.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String otherTenant = claims.replaceFirst("\"tenants\":\\[\"[0-9]{9}\"]", "\"tenants\":[\"210000022\"]");
        assertThat(otherTenant).isNotEqualTo(claims);
        tokens.put("wrong signature (claims changed after signing)", parts[0] + "." + base64(otherTenant) + "." + parts[2]);
        tokens.put("alg none", base64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".");
        tokens.put("alg none with the original signature", base64("{\"alg\":\"none\"}") + "." + parts[1] + "." + parts[2]);
        tokens.put("signed by another RSA key", signedByAnotherKey(claims));
        tokens.put("HS256 (algorithm confusion)", hs256(claims));
        tokens.put("expired", stack.expiredToken(client));
        tokens.put("not valid yet", stack.signedToken(client, c -> {
            c.put("nbf", Instant.now().plus(Duration.ofHours(1)));
            c.put("iat", Instant.now().plus(Duration.ofHours(1)));
            c.put("exp", Instant.now().plus(Duration.ofHours(2)));
            return c;
        }));
        tokens.put("wrong issuer", stack.signedToken(client, c -> {
            c.put("iss", "https://issuer.another-platform.example");
            return c;
        }));
        tokens.put("no issuer", stack.signedToken(client, c -> {
            c.remove("iss");
            return c;
        }));
        tokens.put("for another audience (same issuer, same key)", stack.signedToken(client, c -> {
            c.put("aud", List.of("another-application"));
            return c;
        }));
        tokens.put("no audience", stack.signedToken(client, c -> {
            c.remove("aud");
            return c;
        }));
        tokens.put("no tenants claim", stack.signedToken(client, c -> {
            c.remove("tenants");
            return c;
        }));
        tokens.put("tenants claim not a list", stack.signedToken(client, c -> {
            c.put("tenants", "210000022");
            return c;
        }));
        return tokens;
    }

    private static String signedByAnotherKey(String claimsJson) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(ANOTHER_KEY.getKeyID()).build(),
                JWTClaimsSet.parse(claimsJson));
        jwt.sign(new RSASSASigner(ANOTHER_KEY));
        return jwt.serialize();
    }

    private static String hs256(String claimsJson) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder(JWTClaimsSet.parse(claimsJson))
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner("a-shared-secret-that-anyone-could-guess-32b".getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
