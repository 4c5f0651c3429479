package fr.mutualis.console.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.web.client.RestClient;

import java.util.Map;

/**
 * One issuer seen at two addresses (docker-compose): people's browsers reach Keycloak at its public address
 * ({@code http://localhost:8180}), which is also the {@code iss} of every token, while the console reaches it inside
 * the network ({@code http://keycloak:8080}). Spring Boot's discovery at the public issuer cannot work from inside,
 * so the issuer's metadata is read at {@code mutualis.console.issuer-metadata-uri}: Keycloak (hostname set to its
 * public URL, back-channel dynamic) answers there with its public issuer and browser endpoints (authorization, end
 * of session) and with back-channel endpoints (token, keys, user info) at the internal address it was asked at.
 * The issuer it names must be the configured one, so that the browser, the console and the services agree.
 * Without the property (the local stack: one address for all) Spring Boot's own discovery applies.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("mutualis.console.issuer-metadata-uri")
class SplitIssuerRegistration {

    private static final ParameterizedTypeReference<Map<String, Object>> METADATA = new ParameterizedTypeReference<>() {
    };

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(
            OAuth2ClientProperties properties, RestClient.Builder rest,
            @Value("${mutualis.console.issuer-metadata-uri}") String metadataUri) {
        return new InMemoryClientRegistrationRepository(registration(properties, rest.build(), metadataUri));
    }

    static ClientRegistration registration(OAuth2ClientProperties properties, RestClient rest, String metadataUri) {
        OAuth2ClientProperties.Provider configured = properties.getProvider().get(SecurityConfig.REGISTRATION_ID);
        Map<String, Object> metadata = rest.get().uri(metadataUri).retrieve().body(METADATA);
        if (metadata == null || !configured.getIssuerUri().equals(metadata.get("issuer"))) {
            throw new IllegalStateException("The issuer's metadata at " + metadataUri + " names the issuer "
                    + (metadata == null ? null : metadata.get("issuer")) + ", not " + configured.getIssuerUri()
                    + ": set the issuer's public URL (Keycloak's KC_HOSTNAME) and the console's issuer-uri alike");
        }
        OAuth2ClientProperties.Provider explicit = new OAuth2ClientProperties.Provider();
        explicit.setAuthorizationUri(String.valueOf(metadata.get("authorization_endpoint")));
        explicit.setTokenUri(String.valueOf(metadata.get("token_endpoint")));
        explicit.setJwkSetUri(String.valueOf(metadata.get("jwks_uri")));
        explicit.setUserInfoUri(String.valueOf(metadata.get("userinfo_endpoint")));
        explicit.setUserNameAttribute(configured.getUserNameAttribute());
        OAuth2ClientProperties withoutDiscovery = new OAuth2ClientProperties();
        withoutDiscovery.getRegistration().putAll(properties.getRegistration());
        withoutDiscovery.getProvider().put(SecurityConfig.REGISTRATION_ID, explicit);
        ClientRegistration registration = new OAuth2ClientPropertiesMapper(withoutDiscovery).asClientRegistrations()
                .get(SecurityConfig.REGISTRATION_ID);
        // The issuer checks every ID token's iss; the metadata gives logout its end_session_endpoint.
        return ClientRegistration.withClientRegistration(registration)
                .issuerUri(configured.getIssuerUri())
                .providerConfigurationMetadata(metadata)
                .build();
    }
}
