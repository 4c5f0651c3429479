package fr.mutualis.localstack.issuer;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose's Keycloak realm declares the same clients, people and claims as the embedded issuer. */
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
        assertThat(clients.keySet()).containsExactlyInAnyOrderElementsOf(Stream.concat(
                DemoClients.ALL.stream().map(ClientProfile::clientId), Stream.of(ConsoleClient.CLIENT_ID)).toList());
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

    @Test
    void realmHasTheDemoPeopleAndTheConsoleClient() throws Exception {
        JsonNode realm = JSON.readTree(Files.readString(Path.of("..", "docker", "keycloak", "mutualis-realm.json")));
        Map<String, JsonNode> users = realm.get("users").valueStream()
                .collect(Collectors.toMap(user -> user.get("username").asString(), user -> user));

        assertThat(users.keySet()).containsExactlyInAnyOrderElementsOf(
                DemoClients.ALL.stream().map(ClientProfile::clientId).toList());
        for (ClientProfile profile : DemoClients.ALL) {
            JsonNode user = users.get(profile.clientId());
            assertThat(user.get("credentials").get(0).get("value").asString()).isEqualTo(DemoClients.SECRET);
            assertThat(strings(user.get("attributes").get("tenants"))).as(profile.clientId())
                    .isEqualTo(profile.tenants());
            assertThat(strings(user.get("attributes").get("roles"))).as(profile.clientId()).isEqualTo(profile.roles());
            assertThat(strings(user.get("attributes").get("mutualisName"))).containsExactly(profile.name());
            // The same address as the embedded issuer's person: alert mails go to it.
            assertThat(user.get("email").asString()).isEqualTo(DemoUsers.email(profile.clientId()));
        }
        JsonNode console = realm.get("clients").valueStream()
                .filter(client -> client.get("clientId").asString().equals(ConsoleClient.CLIENT_ID))
                .findFirst().orElseThrow();
        assertThat(console.get("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(console.get("attributes").get("pkce.code.challenge.method").asString()).isEqualTo("S256");
        assertThat(console.get("attributes").get("access.token.lifespan").asInt())
                .isEqualTo(ConsoleClient.ACCESS_TOKEN_TTL.toSeconds());
        assertThat(strings(console.get("redirectUris")))
                .containsExactly("http://localhost:8080" + ConsoleClient.REDIRECT_PATH);
        assertThat(console.get("protocolMappers").valueStream()
                .map(mapper -> mapper.get("config").get("claim.name").asString()).toList())
                .containsExactlyInAnyOrder("tenants", "roles", "name", "email");
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }
}
