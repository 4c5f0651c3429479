package fr.mutualis.localstack.issuer;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The issuer's clients (in memory, gone at restart): the OAuth2 registrations Spring Authorization Server
 * authenticates, and the profile whose claims go into each client's tokens.
 */
public class ClientDirectory implements RegisteredClientRepository {

    static final Duration ACCESS_TOKEN_TTL = Duration.ofHours(1);

    private final Map<String, RegisteredClient> registrationsById = new ConcurrentHashMap<>();
    private final Map<String, RegisteredClient> registrationsByClientId = new ConcurrentHashMap<>();
    private final Map<String, ClientProfile> profiles = new ConcurrentHashMap<>();

    /** Registers a client for {@code client_credentials} with HTTP Basic (or form) client authentication. */
    public synchronized void register(ClientProfile profile, String secret) {
        if (exists(profile.clientId())) {
            throw new ClientAlreadyExistsException(profile.clientId());
        }
        save(RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(profile.clientId())
                .clientName(profile.name())
                .clientSecret(IssuerPasswords.ENCODER.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_TTL).build())
                .build());
        profiles.put(profile.clientId(), profile);
    }

    public Optional<ClientProfile> profile(String clientId) {
        return Optional.ofNullable(profiles.get(clientId));
    }

    /** Whether the id is taken, by a client with a profile or by a registration such as the console's. */
    public boolean exists(String clientId) {
        return registrationsByClientId.containsKey(clientId);
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        registrationsById.put(registeredClient.getId(), registeredClient);
        registrationsByClientId.put(registeredClient.getClientId(), registeredClient);
    }

    @Override
    public RegisteredClient findById(String id) {
        return registrationsById.get(id);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return registrationsByClientId.get(clientId);
    }
}
