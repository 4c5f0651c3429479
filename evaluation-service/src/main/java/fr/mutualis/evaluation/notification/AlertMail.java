package fr.mutualis.evaluation.notification;

/** A mail to send: its deterministic {@code Message-ID} (the same mail sent again carries the same one). */
record AlertMail(String messageId, String to, String subject, String text) {
}
