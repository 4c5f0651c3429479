package fr.mutualis.gateway.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A real token issuer for the tests: an RSA key whose public half is served as a JWK set by a JDK HTTP server,
 * and RS256 tokens signed with it, so the gateway's actual JWT validation is exercised.
 */
public final class TestIssuer implements AutoCloseable {

    /** The audience every token carries unless a test says otherwise; the gateway under test requires it. */
    public static final String AUDIENCE = "mutualis-api";

    private final RSAKey key;
    private final RSAKey foreignKey;
    private final HttpServer server;
    private final String issuer;

    public TestIssuer() {
        try {
            key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            // Same kid as the real key: only the signature can tell them apart.
            foreignKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress(0), 0);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
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
        issuer = "http://localhost:" + server.getAddress().getPort();
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** A valid token acting for {@code tenants}. */
    public String token(List<String> tenants, List<String> roles) {
        return sign(key, claims(tenants, roles, b -> { }));
    }

    public String tokenSignedByForeignKey(List<String> tenants) {
        return sign(foreignKey, claims(tenants, List.of("AGENT"), b -> { }));
    }

    public String expiredToken(List<String> tenants) {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        return sign(key, claims(tenants, List.of("AGENT"),
                b -> b.issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past))));
    }

    public String tokenWithoutTenants() {
        return sign(key, claims(null, List.of("AGENT"), b -> { }));
    }

    public String tokenFromOtherIssuer(List<String> tenants) {
        return sign(key, claims(tenants, List.of("AGENT"), b -> b.issuer("http://evil.example")));
    }

    public String tokenNotYetValid(List<String> tenants) {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));
        return sign(key, claims(tenants, List.of("AGENT"),
                b -> b.notBeforeTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(300)))));
    }

    /** {@code tenants} as a plain string instead of a list of SIRENs. */
    public String tokenWithScalarTenants(String tenants) {
        return sign(key, claims(null, List.of("AGENT"), b -> b.claim("tenants", tenants)));
    }

    public String tokenForAudience(String audience) {
        return sign(key, claims(List.of("213100001"), List.of("AGENT"), b -> b.audience(audience)));
    }

    public String tokenWithoutAudience() {
        return sign(key, claims(List.of("213100001"), List.of("AGENT"), b -> b.audience((String) null)));
    }

    /**
     * Algorithm confusion: HS256 "signed" with the issuer's public key as the HMAC secret, which a verifier that
     * trusts the token's {@code alg} header would accept.
     */
    public String tokenSignedWithPublicKeyAsHmacSecret(List<String> tenants) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims(tenants, List.of("AGENT"), b -> { }));
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: well-formed claims, no signature at all. */
    public String unsignedToken(List<String> tenants) {
        return new PlainJWT(claims(tenants, List.of("AGENT"), b -> { })).serialize();
    }

    private JWTClaimsSet claims(List<String> tenants, List<String> roles, Consumer<JWTClaimsSet.Builder> tweak) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject("user-" + UUID.randomUUID())
                .claim("name", "Camille Test")
                .claim("roles", roles)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        if (tenants != null) {
            builder.claim("tenants", tenants);
        }
        tweak.accept(builder);
        return builder.build();
    }

    private static String sign(RSAKey signingKey, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signingKey.getKeyID())
                    .build(), claims);
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
