package fr.mutualis.evaluation.notification;

import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.evaluation.AlertRaised;
import fr.mutualis.evaluation.EvaluationApplication;
import fr.mutualis.testsupport.TestEvents;
import fr.mutualis.testsupport.TestHttp;
import fr.mutualis.testsupport.TestInfrastructure;
import fr.mutualis.testsupport.TestTokenIssuer;
import fr.mutualis.testsupport.infra.EmbeddedMailServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sending service stopped and started again: what was sent is not sent again (even when the alert is heard again),
 * what was pending is sent; then two instances on one database send each mail once between them. Its own database,
 * consumer group and SMTP server: these instances share no work with the other tests' cached context, whose other
 * consumers they leave alone (only the notifier's consumer starts).
 */
class NotifierRestartTest {

    private static final TestTokenIssuer ISSUER = TestTokenIssuer.shared();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final String database = TestInfrastructure.newDatabase("evaluation_mail_restart");
    private final String application = "evaluation-mail-restart-" + UUID.randomUUID();
    private final EmbeddedMailServer mail = EmbeddedMailServer.start(0);
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        mail.close();
    }

    @Test
    void aRestartSendsWhatWasPendingAndNothingTwice() throws Exception {
        String siren = "2" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String address = "claire-" + siren + "@valmont.example";
        ConfigurableApplicationContext first = start();
        String token = ISSUER.personToken("claire-" + siren, address, List.of(siren), List.of("AGENT"));
        TestHttp.Response subscribed = http(first).put("/api/evaluation/alert-subscriptions",
                "{\"subscriptions\": [{\"kind\": \"MILESTONE_LATE\", \"mode\": \"IMMEDIATE\"}]}", token, null);
        assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(200);

        AlertRaised sentBefore = alert(siren, "Portail open data");
        EventEnvelope sentBeforeRecord = envelope(siren, sentBefore);
        TestEvents.publish(Topics.EVALUATION, sentBeforeRecord);
        await().atMost(PATIENCE).until(() -> mailsAbout(sentBefore, address) == 1);

        // The mail server goes down: the next alert's mail waits, then the service stops.
        mail.suspend();
        AlertRaised pending = alert(siren, "Téléphonie IP");
        TestEvents.publish(Topics.EVALUATION, envelope(siren, pending));
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        await().atMost(PATIENCE).until(() -> jdbc.sql("SELECT attempts FROM alert_delivery WHERE alert_id = :id")
                .param("id", pending.alertId()).query(Integer.class).optional().orElse(0) >= 1);
        first.close();

        mail.resume();
        // While it is stopped, the first alert is heard again: the same record, and published anew.
        TestEvents.publish(Topics.EVALUATION, sentBeforeRecord);
        EventEnvelope republished = envelope(siren, sentBefore);
        TestEvents.publish(Topics.EVALUATION, republished);

        ConfigurableApplicationContext second = start();
        await().atMost(PATIENCE).until(() -> mailsAbout(pending, address) == 1);
        JdbcClient again = second.getBean(JdbcClient.class);
        await().atMost(PATIENCE).until(() -> again.sql("SELECT count(*) FROM processed_integration_event WHERE event_id = :id")
                .param("id", republished.eventId()).query(Long.class).single() == 1);
        second.getBean(AlertMailer.class).sendImmediate(Instant.now().plusSeconds(3600));
        assertThat(mailsAbout(sentBefore, address)).isEqualTo(1);
        assertThat(mailsAbout(pending, address)).isEqualTo(1);

        // A second instance joins: each of a burst of alerts is mailed once between the two.
        ConfigurableApplicationContext third = start();
        List<AlertRaised> burst = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            AlertRaised alert = alert(siren, "Projet " + i);
            burst.add(alert);
            TestEvents.publish(Topics.EVALUATION, envelope(siren, alert));
        }
        await().atMost(PATIENCE).until(() -> mail.receivedBy(address).size() >= 22);
        third.getBean(AlertMailer.class).sendImmediate(Instant.now().plusSeconds(3600));
        second.getBean(AlertMailer.class).sendImmediate(Instant.now().plusSeconds(3600));
        assertThat(mail.receivedBy(address)).hasSize(22);
        for (AlertRaised alert : burst) {
            assertThat(mailsAbout(alert, address)).as(alert.subjectLabel()).isEqualTo(1);
        }
    }

    private long mailsAbout(AlertRaised alert, String address) {
        return mail.receivedBy(address).stream().filter(message -> messageId(message).startsWith("<alert." + alert.alertId() + "."))
                .count();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AlertRaised alert(String siren, String label) {
        return new AlertRaised(UUID.randomUUID(), "MILESTONE_LATE", siren, "PROJECT", UUID.randomUUID().toString(), label,
                Instant.now(), "Un jalon n'est pas atteint.");
    }

    private static EventEnvelope envelope(String siren, AlertRaised alert) {
        var described = IntegrationEvents.describe(AlertRaised.class);
        return new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), Instant.now(), siren,
                alert.alertId().toString(), 0, "test", JSON.valueToTree(alert));
    }

    private ConfigurableApplicationContext start() {
        var postgres = TestInfrastructure.postgres();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("server.port", "0");
        settings.put("spring.application.name", application);
        settings.put("spring.datasource.url", postgres.jdbcUrl(database));
        settings.put("spring.datasource.username", postgres.user());
        settings.put("spring.datasource.password", postgres.password());
        settings.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafkaBootstrapServers());
        // Only the notifier's consumer (its own group, named after the application) reads the broker.
        settings.put("spring.kafka.listener.auto-startup", "false");
        settings.put("mutualis.security.issuer-uri", ISSUER.issuer());
        settings.put("mutualis.security.jwk-set-uri", ISSUER.jwkSetUri());
        settings.put("spring.mail.host", "localhost");
        settings.put("spring.mail.port", String.valueOf(mail.port()));
        settings.put("mutualis.notification.retry-initial", "200ms");
        settings.put("mutualis.notification.retry-max", "1s");
        settings.put("mutualis.notification.poll-interval-ms", "200");
        settings.put("spring.lifecycle.timeout-per-shutdown-phase", "3s");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(EvaluationApplication.class)
                .run(settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                        .toArray(String[]::new));
        instances.add(context);
        return context;
    }

    private static TestHttp http(ConfigurableApplicationContext context) {
        return new TestHttp("http://localhost:" + context.getEnvironment().getProperty("local.server.port"));
    }
}
