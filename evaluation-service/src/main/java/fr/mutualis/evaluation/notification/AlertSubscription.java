package fr.mutualis.evaluation.notification;

import fr.mutualis.evaluation.messages.AlertKind;
import jakarta.validation.constraints.NotNull;

/** One kind of alert a person hears of, and how. */
public record AlertSubscription(@NotNull AlertKind kind, @NotNull DeliveryMode mode) {
}
