package fr.mutualis.localstack.issuer;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people who sign in at the embedded issuer (API.md, "Identity for people"): one per demo client, with the same
 * name, password {@value DemoClients#SECRET}, and the same profile, so that a person's access token carries the same
 * {@code name}, {@code tenants} and {@code roles} as the client of the same name, and an {@code email} ({@link #email}).
 */
public final class DemoUsers implements UserDetailsService {

    /** The claim of a person's address (OpenID Connect's standard {@code email}). */
    public static final String EMAIL_CLAIM = "email";
    /** The domain of the demo people's addresses; their mails reach the local stack's SMTP server. */
    public static final String EMAIL_DOMAIN = "mutualis.localhost";

    private final Map<String, ClientProfile> profiles;
    private final Map<String, String> passwordHashes;

    public DemoUsers(List<ClientProfile> people, String password) {
        this.profiles = people.stream().collect(Collectors.toUnmodifiableMap(ClientProfile::clientId,
                Function.identity()));
        String hash = IssuerPasswords.ENCODER.encode(password);
        this.passwordHashes = people.stream().collect(Collectors.toUnmodifiableMap(ClientProfile::clientId,
                person -> hash));
    }

    /** A demo person's address, e.g. {@code valmont-agent@mutualis.localhost}. */
    public static String email(String username) {
        return username + "@" + EMAIL_DOMAIN;
    }

    /** The person's claims, by user name. */
    public Optional<ClientProfile> profile(String username) {
        return Optional.ofNullable(profiles.get(username));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        ClientProfile person = profiles.get(username);
        if (person == null) {
            throw new UsernameNotFoundException("Unknown user");
        }
        return User.withUsername(person.clientId())
                .password(passwordHashes.get(username))
                .roles(person.roles().toArray(String[]::new))
                .build();
    }
}
