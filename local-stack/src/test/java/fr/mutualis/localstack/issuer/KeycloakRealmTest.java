package fr.mutualis.localstack.issuer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose's Keycloak realm declares the same clients and claims as the embedded issuer. */
class KeycloakRealmTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void realmHasTheDemoClientsWithTheirClaims() throws Exception {
        Path realmFile = Path.of("..", "docker", "keycloak", "mutualis-realm.json");
        JsonNode realm = JSON.readTree(Files.readString(realmFile));
        Map<String, JsonNode> clients = realm.get("clients").valueStream()
                .collect(Collectors.toMap(client -> client.get("clientId").asString(), client -> client));

        assertThat(realm.get("realm").asString()).isEqualTo("mutualis");
        assertThat(realm.get("accessTokenLifespan").asInt()).isEqualTo(3600);
        assertThat(clients.keySet()).containsExactlyInAnyOrderElementsOf(
                DemoClients.ALL.stream().map(ClientProfile::clientId).toList());
        for (ClientProfile profile : DemoClients.ALL) {
            JsonNode client = clients.get(profile.clientId());
            assertThat(client.get("secret").asString()).isEqualTo(DemoClients.SECRET);
            assertThat(client.get("serviceAccountsEnabled").asBoolean()).isTrue();
            // Every token is for the platform: the services and the gateway check mutualis.security.audience.
            assertThat(client.get("protocolMappers").valueStream()
                    .filter(mapper -> mapper.get("protocolMapper").asString().equals("oidc-audience-mapper"))
                    .map(mapper -> mapper.get("config").get("included.custom.audience").asString()))
                    .as(profile.clientId()).containsExactly("mutualis");
            Map<String, JsonNode> claims = client.get("protocolMappers").valueStream()
                    .filter(mapper -> mapper.get("config").has("claim.name"))
                    .collect(Collectors.toMap(mapper -> mapper.get("config").get("claim.name").asString(),
                            mapper -> mapper.get("config")));
            assertThat(strings(JSON.readTree(claims.get("tenants").get("claim.value").asString())))
                    .as(profile.clientId()).isEqualTo(profile.tenants());
            assertThat(strings(JSON.readTree(claims.get("roles").get("claim.value").asString())))
                    .as(profile.clientId()).isEqualTo(profile.roles());
            assertThat(claims.get("tenants").get("jsonType.label").asString()).isEqualTo("JSON");
            assertThat(claims.get("name").get("claim.value").asString()).isEqualTo(profile.name());
        }
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
