package fr.mutualis.gateway.security;

import fr.mutualis.contracts.HttpContract;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * A Mutualis token must say which tenants (SIRENs) its holder acts for; without a {@code tenants} list the token
 * is invalid (401). Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to the decoder's default validators
 * (timestamps, issuer).
 */
@Component
public class TenantsClaimValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error MISSING = new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN,
            "The token has no tenants claim", null);

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        return jwt.getClaims().get(HttpContract.TENANTS_CLAIM) instanceof Collection<?>
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(MISSING);
    }
}
