package fr.mutualis.localstack.issuer;

import org.springframework.security.oauth2.server.authorization.InMemoryOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The issuer's authorizations (codes, access and refresh tokens), in memory as Spring Authorization Server keeps them
 * by default, and also by person, so that every one of a person's can be ended at once: what an expired or revoked
 * session at a real issuer does to the refresh tokens a console holds.
 */
final class PeoplesAuthorizations implements OAuth2AuthorizationService {

    private final InMemoryOAuth2AuthorizationService store = new InMemoryOAuth2AuthorizationService();
    private final Map<String, Set<String>> idsByPerson = new ConcurrentHashMap<>();

    @Override
    public void save(OAuth2Authorization authorization) {
        store.save(authorization);
        idsByPerson.computeIfAbsent(authorization.getPrincipalName(), person -> ConcurrentHashMap.newKeySet())
                .add(authorization.getId());
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        store.remove(authorization);
        Set<String> ids = idsByPerson.get(authorization.getPrincipalName());
        if (ids != null) {
            ids.remove(authorization.getId());
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return store.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        return store.findByToken(token, tokenType);
    }

    /** Ends every authorization of {@code person}: their refresh tokens are refused from now on. */
    void endAll(String person) {
        Set<String> ids = idsByPerson.remove(person);
        if (ids == null) {
            return;
        }
        for (String id : ids) {
            OAuth2Authorization authorization = store.findById(id);
            if (authorization != null) {
                store.remove(authorization);
            }
        }
    }
}
