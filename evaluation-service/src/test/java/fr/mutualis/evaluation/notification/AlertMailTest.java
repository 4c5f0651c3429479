package fr.mutualis.evaluation.notification;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.evaluation.AlertEnded;
import fr.mutualis.contracts.evaluation.AlertRaised;
import fr.mutualis.evaluation.EvaluationIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alerts heard on evaluation's topic become mails on a real SMTP server (GreenMail): one per alert and subscriber, none
 * more for a record heard twice, retried and counted while the server is down, and grouped by day in the digest.
 */
class AlertMailTest extends EvaluationIntegrationTest {

    private static final String PATH = "/api/evaluation/alert-subscriptions";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    AlertMailer mailer;
    @Autowired
    MeterRegistry meters;

    @Test
    void oneMailPerAlertAndSubscriberAndNoneMoreForTheSameAlertHeardAgain() throws Exception {
        String siren = newSiren();
        String other = newSiren();
        String claire = "claire-" + siren + "@valmont.example";
        String paul = "paul-" + siren + "@valmont.example";
        String elsewhere = "eve-" + other + "@ailleurs.example";
        subscribe(person("claire-" + siren, claire, siren), "MILESTONE_LATE", "IMMEDIATE");
        subscribe(person("paul-" + siren, paul, siren), "CREDITS_NEARLY_CONSUMED", "IMMEDIATE");
        subscribe(person("eve-" + other, elsewhere, other), "MILESTONE_LATE", "IMMEDIATE");

        UUID project = UUID.randomUUID();
        AlertRaised alert = new AlertRaised(UUID.randomUUID(), "MILESTONE_LATE", siren, "PROJECT", project.toString(),
                "Portail open data", Instant.parse("2026-11-30T23:00:00Z"),
                "Le jalon « Mise en ligne » prévu le 30/11/2026 n'est pas atteint.");
        EventEnvelope raised = envelope(siren, alert.alertId(), 0, alert);
        send(Topics.EVALUATION, raised);

        await().atMost(PATIENCE).until(() -> MAIL.receivedBy(claire).size() == 1);
        MimeMessage mail = MAIL.receivedBy(claire).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[Mutualis] Jalon en retard : Portail open data");
        assertThat(mail.getMessageID()).startsWith("<alert." + alert.alertId() + ".").endsWith("@mutualis.localhost>");
        String text = (String) mail.getContent();
        assertThat(text).contains("Alerte « Jalon en retard » : Portail open data, depuis le 01/12/2026 à 00:00.",
                "Le jalon « Mise en ligne » prévu le 30/11/2026 n'est pas atteint.",
                "http://localhost:8080/projets/" + project, "http://localhost:8080/evaluation/alertes-email");

        // The same record delivered again, and the alert published again under a new event id.
        EventEnvelope republished = envelope(siren, alert.alertId(), 0, alert);
        send(Topics.EVALUATION, raised);
        send(Topics.EVALUATION, republished);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT count(*) FROM processed_integration_event WHERE event_id = :id")
                .param("id", republished.eventId()).query(Long.class).single() == 1);
        mailer.sendImmediate(Instant.now().plusSeconds(3600));
        assertThat(MAIL.receivedBy(claire)).hasSize(1);
        assertThat(MAIL.receivedBy(paul)).isEmpty();
        assertThat(MAIL.receivedBy(elsewhere)).isEmpty();
        assertThat(jdbc.sql("SELECT status FROM alert_delivery WHERE alert_id = :id").param("id", alert.alertId())
                .query(String.class).list()).containsExactly("SENT");
    }

    /** A mutualisation's alert reaches the subscribers of its members and of its EPCI, as they all see it. */
    @Test
    void aMutualisationsAlertReachesItsMembersSubscribers() {
        String epci = newSiren();
        String member = newSiren();
        String outsider = newSiren();
        UUID mutualisation = mutualisation(epci, List.of(member));
        String atEpci = "admin-" + epci + "@cagv.example";
        String atMember = "agent-" + member + "@valmont.example";
        String atOutsider = "agent-" + outsider + "@aulnes.example";
        subscribe(person("admin-" + epci, atEpci, epci), "CP_SHORTFALL", "IMMEDIATE");
        subscribe(person("agent-" + member, atMember, member), "CP_SHORTFALL", "IMMEDIATE");
        subscribe(person("agent-" + outsider, atOutsider, outsider), "CP_SHORTFALL", "IMMEDIATE");

        AlertRaised alert = new AlertRaised(UUID.randomUUID(), "CP_SHORTFALL", mutualisation.toString(), "PROGRAMME",
                UUID.randomUUID().toString(), "AP SIG mutualisé", Instant.now(), "Les CP 2027 ne couvrent plus les engagements.");
        send(Topics.EVALUATION, envelope(mutualisation.toString(), alert.alertId(), 0, alert));

        await().atMost(PATIENCE).until(() -> MAIL.receivedBy(atEpci).size() == 1 && MAIL.receivedBy(atMember).size() == 1);
        assertThat(MAIL.receivedBy(atOutsider)).isEmpty();
    }

    @Test
    void aFailedSendIsRetriedAndCountedThenDelivered() {
        String siren = newSiren();
        String claire = "claire-" + siren + "@valmont.example";
        subscribe(person("claire-" + siren, claire, siren), "INDICATOR_OFF_TRACK", "IMMEDIATE");
        double failedBefore = count("mutualis.mail.failed");
        double sentBefore = count("mutualis.mail.sent");
        AlertRaised alert = new AlertRaised(UUID.randomUUID(), "INDICATOR_OFF_TRACK", siren, "INDICATOR",
                UUID.randomUUID().toString(), "Taux de dématérialisation", Instant.now(), "Dernière mesure hors trajectoire.");

        MAIL.suspend();
        try {
            send(Topics.EVALUATION, envelope(siren, alert.alertId(), 0, alert));
            await().atMost(PATIENCE).until(() -> attempts(alert.alertId()) >= 2);
            assertThat(count("mutualis.mail.failed") - failedBefore).isGreaterThanOrEqualTo(2);
            assertThat(jdbc.sql("SELECT status FROM alert_delivery WHERE alert_id = :id").param("id", alert.alertId())
                    .query(String.class).single()).isEqualTo("PENDING");
        } finally {
            MAIL.resume();
        }
        await().atMost(PATIENCE).until(() -> MAIL.receivedBy(claire).size() == 1);
        await().atMost(PATIENCE).until(() -> "SENT".equals(jdbc.sql("SELECT status FROM alert_delivery WHERE alert_id = :id")
                .param("id", alert.alertId()).query(String.class).single()));
        assertThat(count("mutualis.mail.sent") - sentBefore).isGreaterThanOrEqualTo(1);
        mailer.sendImmediate(Instant.now().plusSeconds(3600));
        assertThat(MAIL.receivedBy(claire)).hasSize(1);
    }

    @Test
    void theDigestListsTheDaysAlertsInOneMailTheNextMorning() throws Exception {
        String siren = newSiren();
        String marie = "marie-" + siren + "@valmont.example";
        subscribe(person("marie-" + siren, marie, siren), List.of("MILESTONE_LATE", "MINUTES_LATE"), "DAILY_DIGEST");
        AlertRaised late = new AlertRaised(UUID.randomUUID(), "MILESTONE_LATE", siren, "PROJECT", UUID.randomUUID().toString(),
                "Portail open data", Instant.now(), "Le jalon « Recette » n'est pas atteint.");
        AlertRaised minutes = new AlertRaised(UUID.randomUUID(), "MINUTES_LATE", siren, "SESSION", UUID.randomUUID().toString(),
                "Conseil municipal du 20/11/2026", Instant.now(), "Le procès-verbal n'est pas publié une semaine après.");
        AlertRaised notChosen = new AlertRaised(UUID.randomUUID(), "SHORT_NOTICE", siren, "SESSION", UUID.randomUUID().toString(),
                "Conseil municipal du 12/12/2026", Instant.now(), "Convocation hors délai.");
        send(Topics.EVALUATION, envelope(siren, late.alertId(), 0, late));
        send(Topics.EVALUATION, envelope(siren, minutes.alertId(), 0, minutes));
        send(Topics.EVALUATION, envelope(siren, notChosen.alertId(), 0, notChosen));
        send(Topics.EVALUATION, envelope(siren, minutes.alertId(), 1, new AlertEnded(minutes.alertId(), "MINUTES_LATE", siren,
                "SESSION", minutes.subjectId(), minutes.since(), Instant.now(), "Le procès-verbal est publié.")));
        await().atMost(PATIENCE).until(() -> jdbc.sql("""
                        SELECT count(*) FROM alert_delivery d JOIN notified_alert a ON a.alert_id = d.alert_id
                        WHERE d.tenant_id = :siren AND a.ended_at IS NOT NULL""")
                .param("siren", siren).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM alert_delivery WHERE tenant_id = :siren").param("siren", siren)
                .query(Long.class).single()).isEqualTo(2);

        LocalDate today = LocalDate.now(PARIS);
        Instant beforeTheHour = today.plusDays(1).atTime(6, 59).atZone(PARIS).toInstant();
        Instant atTheHour = today.plusDays(1).atTime(7, 0).atZone(PARIS).toInstant();
        mailer.sendDigests(beforeTheHour);
        assertThat(MAIL.receivedBy(marie)).isEmpty();
        assertThat(mailer.sendDigests(atTheHour)).isGreaterThanOrEqualTo(1);
        mailer.sendDigests(atTheHour.plusSeconds(3600));

        List<MimeMessage> received = MAIL.receivedBy(marie);
        assertThat(received).hasSize(1);
        String day = String.format("%02d/%02d/%d", today.getDayOfMonth(), today.getMonthValue(), today.getYear());
        assertThat(received.getFirst().getSubject()).isEqualTo("[Mutualis] Résumé des alertes du " + day + " (2)");
        assertThat(received.getFirst().getMessageID()).startsWith("<digest." + today + ".");
        assertThat((String) received.getFirst().getContent()).contains("2 alertes ont été levées le " + day,
                "- Jalon en retard : Portail open data", "- Procès-verbal en retard : Conseil municipal du 20/11/2026",
                "Terminée le ", "Le procès-verbal est publié.").doesNotContain("Convocation hors délai");
    }

    private void subscribe(String token, String kind, String mode) {
        subscribe(token, List.of(kind), mode);
    }

    private void subscribe(String token, List<String> kinds, String mode) {
        String body = kinds.stream().map(kind -> "{\"kind\": \"" + kind + "\", \"mode\": \"" + mode + "\"}")
                .reduce((a, b) -> a + ", " + b).orElse("");
        var answer = http.put(PATH, "{\"subscriptions\": [" + body + "]}", token, null);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    }

    private int attempts(UUID alert) {
        return jdbc.sql("SELECT coalesce(max(attempts), 0) FROM alert_delivery WHERE alert_id = :id").param("id", alert)
                .query(Integer.class).single();
    }

    private double count(String name) {
        return meters.find(name).counters().stream().mapToDouble(counter -> counter.count()).sum();
    }
}
