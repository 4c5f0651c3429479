package fr.mutualis.evaluation.notification;

/** How a subscriber hears of an alert of a kind: one mail per alert, or one mail a day listing them. */
public enum DeliveryMode {
    IMMEDIATE,
    DAILY_DIGEST
}
