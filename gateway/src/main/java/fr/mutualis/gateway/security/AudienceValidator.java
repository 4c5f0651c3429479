package fr.mutualis.gateway.security;

import fr.mutualis.gateway.config.GatewaySecurityProperties;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * When {@code mutualis.security.audience} is set, only tokens issued for it are accepted (401 otherwise), so that a
 * token the same issuer minted for another application cannot be replayed here. Added to the decoder's validators
 * by Boot, like {@link TenantsClaimValidator}.
 */
@Component
public class AudienceValidator implements OAuth2TokenValidator<Jwt> {

    private final GatewaySecurityProperties security;
    private final OAuth2Error wrongAudience;

    public AudienceValidator(GatewaySecurityProperties security) {
        this.security = security;
        this.wrongAudience = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
                "The token is not intended for audience " + security.audience(), null);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        if (!security.checksAudience()) {
            return OAuth2TokenValidatorResult.success();
        }
        List<String> audience = jwt.getAudience();
        return audience != null && audience.contains(security.audience())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(wrongAudience);
    }
}
