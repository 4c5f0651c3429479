package fr.mutualis.kit.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AudienceValidationTest {

    private final OAuth2TokenValidator<Jwt> validator = ServiceSecurityConfiguration.requireAudience("mutualis");

    @Test
    void aTokenForThisAudienceIsAccepted() {
        assertThat(validator.validate(token(List.of("other", "mutualis"))).hasErrors()).isFalse();
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        assertThat(validator.validate(token(List.of("another-api"))).hasErrors()).isTrue();
        assertThat(validator.validate(token(null)).hasErrors()).isTrue();
    }

    private static Jwt token(List<String> audience) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("valmont-agent")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).claim("tenants", List.of("210000022"));
        if (audience != null) {
            builder.audience(audience);
        }
        return builder.build();
    }
}
