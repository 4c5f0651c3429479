package fr.mutualis.gateway.ratelimit;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which tenant's bucket a request is charged to; the header has already been checked against the token. */
class ChargedTenantTest {

    static Jwt token(List<String> tenants) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("u").claim("tenants", tenants)
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
    }

    @Test
    void theChosenTenantIsCharged() {
        assertThat(TenantRateLimitFilter.chargedTenant(token(List.of("A", "B")), "B")).isEqualTo("B");
    }

    @Test
    void aSingleTenantTokenIsChargedToItsTenant() {
        assertThat(TenantRateLimitFilter.chargedTenant(token(List.of("A")), null)).isEqualTo("A");
    }

    @Test
    void leavingTheHeaderOutOfAMultiTenantTokenChargesItsFirstTenant() {
        assertThat(TenantRateLimitFilter.chargedTenant(token(List.of("B", "A")), null)).isEqualTo("B");
    }

    @Test
    void tokensWithoutTenantShareOneBucket() {
        assertThat(TenantRateLimitFilter.chargedTenant(token(List.of()), null))
                .isEqualTo(TenantRateLimitFilter.NO_TENANT);
    }
}
