package fr.mutualis.evaluation.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.List;

/** Every kind the person wants to hear of in the active tenant, each once; kinds left out are unsubscribed. */
public record AlertSubscriptionsRequest(@NotNull List<@NotNull @Valid AlertSubscription> subscriptions) {
}
