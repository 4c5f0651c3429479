package fr.mutualis.gateway.security;

import fr.mutualis.gateway.config.GatewaySecurityProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audience check is off unless configured (the embedded issuer's tokens must pass), strict once it is. */
class AudienceValidatorTest {

    static Jwt token(List<String> audience) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("u")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60));
        if (audience != null) {
            builder.audience(audience);
        }
        return builder.build();
    }

    @Test
    void withoutConfiguredAudienceAnyTokenPasses() {
        for (String unset : new String[] {null, "", "  "}) {
            AudienceValidator validator = new AudienceValidator(new GatewaySecurityProperties(unset));
            assertThat(validator.validate(token(null)).hasErrors()).isFalse();
            assertThat(validator.validate(token(List.of("some-client"))).hasErrors()).isFalse();
        }
    }

    @Test
    void withConfiguredAudienceTheAudClaimMustContainIt() {
        AudienceValidator validator = new AudienceValidator(new GatewaySecurityProperties("mutualis-api"));
        assertThat(validator.validate(token(List.of("other", "mutualis-api"))).hasErrors()).isFalse();
        assertThat(validator.validate(token(List.of("other"))).hasErrors()).isTrue();
        assertThat(validator.validate(token(null)).hasErrors()).isTrue();
        assertThat(validator.validate(token(List.of("mutualis-api-2"))).hasErrors()).isTrue();
    }
}
