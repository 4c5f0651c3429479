package fr.mutualis.testsupport;

import fr.mutualis.contracts.HttpContract;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The one token issuer of the tests (the services' and the gateway's): an RSA key whose public half is served as a JWK
 * set over HTTP, RS256 tokens signed with it, so that tests exercise the actual JWT validation, and the forged tokens
 * that validation must refuse.
 */
public final class TestTokenIssuer implements AutoCloseable {

    /** The platform audience every service checks by default (mutualis-service-defaults.yml). */
    public static final String AUDIENCE = "mutualis";

    private static TestTokenIssuer shared;

    private final RSAKey key;
    private final RSAKey otherKey;
    private final HttpServer server;
    private final String issuer;

    private TestTokenIssuer() {
        TestKeys.Pair keys = TestKeys.load();
        key = keys.key();
        otherKey = keys.other();
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
        server.createContext("/oauth2/jwks", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, jwks.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(jwks);
            }
        });
        server.start();
        issuer = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** One issuer per test JVM. */
    public static synchronized TestTokenIssuer shared() {
        if (shared == null) {
            shared = new TestTokenIssuer();
            StopAtExit.register("token-issuer", shared::close);
        }
        return shared;
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("mutualis.security.issuer-uri", this::issuer);
        registry.add("mutualis.security.jwk-set-uri", this::jwkSetUri);
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A valid token for {@code subject} acting for {@code tenants} with {@code roles}. */
    public String token(String subject, List<String> tenants, List<String> roles) {
        return sign(key, claims(subject, tenants, roles, Duration.ofHours(1)).build());
    }

    /** A person's token: as {@link #token}, with the person's {@code email} (tokens of people, not of clients). */
    public String personToken(String subject, String email, List<String> tenants, List<String> roles) {
        return sign(key, claims(subject, tenants, roles, Duration.ofHours(1)).claim("email", email).build());
    }

    public String expiredToken(String subject, List<String> tenants, List<String> roles) {
        return sign(key, claims(subject, tenants, roles, Duration.ofHours(-1)).build());
    }

    public String tokenSignedByAnotherKey(String subject, List<String> tenants, List<String> roles) {
        return sign(otherKey, claims(subject, tenants, roles, Duration.ofHours(1)).build());
    }

    public String tokenFromAnotherIssuer(String subject, List<String> tenants, List<String> roles) {
        return sign(key, claims(subject, tenants, roles, Duration.ofHours(1)).issuer("http://evil.example").build());
    }

    /** A valid token whose only audience is {@code audience} (not the platform's). */
    public String tokenForAudience(String subject, List<String> tenants, List<String> roles, String audience) {
        return sign(key, claims(subject, tenants, roles, Duration.ofHours(1)).audience(audience).build());
    }

    public String tokenWithoutTenants(String subject, List<String> roles) {
        return sign(key, claims(subject, List.of(), roles, Duration.ofHours(1)).claim(HttpContract.TENANTS_CLAIM, null).build());
    }

    /** Valid only ten minutes from now ({@code nbf}). */
    public String tokenNotYetValid(String subject, List<String> tenants, List<String> roles) {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        return sign(key, claims(subject, tenants, roles, Duration.ofHours(1)).notBeforeTime(Date.from(later))
                .expirationTime(Date.from(later.plusSeconds(300))).build());
    }

    /** {@code tenants} as a plain string instead of a list of SIRENs. */
    public String tokenWithScalarTenants(String subject, String tenants, List<String> roles) {
        return sign(key, claims(subject, List.of(), roles, Duration.ofHours(1)).claim(HttpContract.TENANTS_CLAIM, tenants)
                .build());
    }

    public String tokenWithoutAudience(String subject, List<String> tenants, List<String> roles) {
        return sign(key, claims(subject, tenants, roles, Duration.ofHours(1)).audience((String) null).build());
    }

    /**
     * Algorithm confusion: HS256 "signed" with the issuer's public key as the HMAC secret, which a verifier that
     * trusts the token's {@code alg} header would accept.
     */
    public String tokenSignedWithPublicKeyAsHmacSecret(String subject, List<String> tenants, List<String> roles) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(subject, tenants, roles, Duration.ofHours(1)).build());
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: well-formed claims, no signature at all. */
    public String unsignedToken(String subject, List<String> tenants, List<String> roles) {
        return new PlainJWT(claims(subject, tenants, roles, Duration.ofHours(1)).build()).serialize();
    }

    private JWTClaimsSet.Builder claims(String subject, List<String> tenants, List<String> roles, Duration validity) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(subject)
                .audience(List.of(subject, AUDIENCE))
                .claim("name", "Test user " + subject)
                .claim(HttpContract.TENANTS_CLAIM, tenants)
                .claim(HttpContract.ROLES_CLAIM, roles)
                .issueTime(Date.from(now.minusSeconds(60).plus(validity.isNegative() ? validity.multipliedBy(2) : Duration.ZERO)))
                .expirationTime(Date.from(now.plus(validity)));
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
