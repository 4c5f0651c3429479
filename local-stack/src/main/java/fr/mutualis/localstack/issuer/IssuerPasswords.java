package fr.mutualis.localstack.issuer;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.Map;

/**
 * How the embedded issuer hashes client secrets and people's passwords, and checks them: BCrypt at a low cost (this
 * issuer serves the demo and the tests; a deployment signs people in at its own identity provider).
 * <p>
 * The authorization server checks client secrets with this encoder too ({@link AuthorizationServerConfiguration}).
 * With Spring Security's default one (BCrypt at cost 10, which "upgrades" a weaker hash it has just matched), the first
 * token request of every client re-hashed its secret at cost 10, and each later one cost a cost-10 check, about
 * 70 ms of CPU: a third of the e2e test JVM's samples, and every sign-in and refresh of the console.
 */
final class IssuerPasswords {

    static final PasswordEncoder ENCODER = new DelegatingPasswordEncoder("bcrypt",
            Map.of("bcrypt", new BCryptPasswordEncoder(4)));

    private IssuerPasswords() {
    }
}
