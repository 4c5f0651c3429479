package fr.mutualis.evaluation.notification;

import fr.mutualis.evaluation.messages.AlertKind;
import fr.mutualis.kit.error.BusinessRuleViolationException;
import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.security.AllowedRoles;
import fr.mutualis.kit.tenant.Caller;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static fr.mutualis.kit.security.AllowedRoles.AGENT;
import static fr.mutualis.kit.security.AllowedRoles.ELU;
import static fr.mutualis.kit.security.AllowedRoles.PLATFORM_ADMIN;
import static fr.mutualis.kit.security.AllowedRoles.REPORTING;
import static fr.mutualis.kit.security.AllowedRoles.SHARED_SERVICE_ADMIN;

/**
 * The alerts a person hears of by e-mail in the tenant they act for. The person is the token's {@code sub} and the
 * address its {@code email}: a client acting for itself (client credentials) has no address, so it cannot subscribe
 * (422 naming {@code email}); reading answers it has none. Subscribing changes nothing of the tenant's data, so every
 * person's role may; a reporting job only reads (no write is open to REPORTING anywhere).
 */
@RestController
@RequestMapping("/api/evaluation/alert-subscriptions")
@AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, REPORTING, PLATFORM_ADMIN})
public class AlertSubscriptionController {

    static final String EMAIL_CLAIM = "email";

    private final AlertSubscriptionStore store;

    public AlertSubscriptionController(AlertSubscriptionStore store) {
        this.store = store;
    }

    @GetMapping
    public AlertSubscriptions get(@AuthenticationPrincipal Jwt token, Caller caller) {
        return new AlertSubscriptions(token.getClaimAsString(EMAIL_CLAIM), store.of(token.getSubject(), caller.tenantId()));
    }

    @PutMapping
    @AllowedRoles({AGENT, ELU, SHARED_SERVICE_ADMIN, PLATFORM_ADMIN})
    public AlertSubscriptions replace(@Valid @RequestBody AlertSubscriptionsRequest request,
                                      @AuthenticationPrincipal Jwt token, Caller caller) {
        String email = validEmail(token);
        Set<AlertKind> seen = new HashSet<>();
        List<AlertSubscription> subscriptions = request.subscriptions();
        for (int i = 0; i < subscriptions.size(); i++) {
            if (!seen.add(subscriptions.get(i).kind())) {
                throw new InvalidInputException("subscriptions[" + i + "].kind",
                        "Kind " + subscriptions.get(i).kind() + " is listed twice", "kind-twice",
                        Map.of("kind", subscriptions.get(i).kind()));
            }
        }
        store.replace(token.getSubject(), caller.tenantId(), email, subscriptions);
        return new AlertSubscriptions(email, store.of(token.getSubject(), caller.tenantId()));
    }

    /** The person's address, which the mails go to; a token without a valid one is not a person who can receive them. */
    private static String validEmail(Jwt token) {
        String email = token.getClaimAsString(EMAIL_CLAIM);
        if (email == null || email.isBlank()) {
            throw new BusinessRuleViolationException("person-email-required", EMAIL_CLAIM,
                    "Alert subscriptions are a person's: this token carries no e-mail address", Map.of());
        }
        try {
            new InternetAddress(email, true).validate();
        } catch (AddressException e) {
            throw new BusinessRuleViolationException("person-email-required", EMAIL_CLAIM,
                    "The token's e-mail address is not one mail can be sent to", Map.of());
        }
        return email;
    }
}
