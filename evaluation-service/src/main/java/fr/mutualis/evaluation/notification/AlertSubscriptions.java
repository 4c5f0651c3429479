package fr.mutualis.evaluation.notification;

import fr.mutualis.evaluation.messages.AlertKind;

import java.util.List;

/**
 * A person's subscriptions in one tenant.
 *
 * @param email         where the mails go: the address of the person's token
 * @param subscriptions the kinds subscribed, in the order of {@link AlertKind}
 */
public record AlertSubscriptions(String email, List<AlertSubscription> subscriptions) {

    public AlertSubscriptions {
        subscriptions = List.copyOf(subscriptions);
    }
}
