/**
 * E-mail notifications of alerts (issue 21): people's subscriptions per alert kind (immediately or in a daily
 * digest), the consumer of {@code evaluation.AlertRaised}/{@code AlertEnded} that records one delivery per alert and
 * subscriber, and the sender that hands them to the SMTP server, once, retrying failures.
 */
package fr.mutualis.evaluation.notification;
