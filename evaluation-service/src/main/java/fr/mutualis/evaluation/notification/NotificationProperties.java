package fr.mutualis.evaluation.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Settings of the alert mails ({@code mutualis.notification.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}.
 *
 * @param from         the sender of every mail; its domain also names the mails' {@code Message-ID}
 * @param consoleUrl   the console's public address, for the links in the mails
 * @param retryInitial the wait after a first failed send, doubled at each further failure
 * @param retryMax     the longest wait between two attempts
 * @param digestHour   the hour (Paris time) at which the digest of the day before goes out
 */
@ConfigurationProperties("mutualis.notification")
public record NotificationProperties(String from, String consoleUrl, Duration retryInitial, Duration retryMax,
                                     int digestHour) {

    public NotificationProperties {
        if (from == null || from.isBlank()) {
            from = "alertes@mutualis.localhost";
        }
        if (consoleUrl == null || consoleUrl.isBlank()) {
            consoleUrl = "http://localhost:8080";
        }
        consoleUrl = consoleUrl.replaceAll("/+$", "");
        if (retryInitial == null) {
            retryInitial = Duration.ofSeconds(30);
        }
        if (retryMax == null) {
            retryMax = Duration.ofHours(1);
        }
        if (digestHour < 0 || digestHour > 23) {
            throw new IllegalArgumentException("mutualis.notification.digest-hour must be 0 to 23: " + digestHour);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: exponential, capped. */
    Duration backoff(int attempts) {
        Duration wait = retryInitial.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }

    String domain() {
        return from.substring(from.lastIndexOf('@') + 1);
    }
}
