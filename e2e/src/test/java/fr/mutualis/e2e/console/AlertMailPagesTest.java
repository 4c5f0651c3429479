package fr.mutualis.e2e.console;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import fr.mutualis.contracts.EventEnvelope;
import fr.mutualis.contracts.IntegrationEvents;
import fr.mutualis.contracts.Topics;
import fr.mutualis.contracts.evaluation.AlertRaised;
import fr.mutualis.e2e.support.Platform;
import fr.mutualis.localstack.LocalStack;
import fr.mutualis.testsupport.TestEvents;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * « Mes alertes par e-mail » in a real browser: Valmont's agent chooses per kind of alert, a refused choice is shown
 * next to its kind with the form kept, and an alert of a chosen kind reaches the local stack's SMTP server, readable on
 * its mailbox page. (No other class subscribes Valmont's agent.)
 */
@ExtendWith(Platform.class)
class AlertMailPagesTest {

    @RegisterExtension
    static final ConsolePages pages = ConsolePages.withDefaultAssertions();

    private static final String VALMONT = "210000022";
    private static final String ADDRESS = "valmont-agent@mutualis.localhost";

    private static LocalStack stack;
    private static String console;

    @BeforeAll
    static void setUp() {
        stack = Platform.stack();
        console = stack.consoleUrl();
    }

    @Test
    void aPersonChoosesPerKindThenHearsOfAnAlertByMail() throws Exception {
        try (BrowserContext context = pages.newContext()) {
            Page page = pages.signedIn(context, "valmont-agent");
            page.navigate(console + "evaluation/alertes-email");
            assertThat(page.locator("h1")).hasText("Mes alertes par e-mail");
            assertThat(page.locator("#adresse-alertes")).hasText("Les courriels sont envoyés à " + ADDRESS + ".");
            assertThat(page.locator("form.formulaire fieldset")).hasCount(8);
            assertThat(page.locator("#mode-MILESTONE_LATE-NONE")).isChecked();

            // A choice the page does not offer (a crafted form): refused next to its kind, the other choices kept.
            page.locator("#mode-SHORT_NOTICE-DAILY_DIGEST").check();
            page.locator("#mode-MILESTONE_LATE-IMMEDIATE").check();
            page.locator("#mode-CP_SHORTFALL-IMMEDIATE").evaluate("radio => { radio.value = 'WEEKLY'; radio.checked = true; }");
            Response refused = ConsolePages.submit(page, "form.formulaire button[type=submit]");
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.locator("#erreur-CP_SHORTFALL")).hasText(
                    "Ce choix n'est pas proposé : choisissez aucun courriel, immédiatement ou résumé quotidien.");
            assertThat(page.locator("#alerte-CP_SHORTFALL")).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("#mode-SHORT_NOTICE-DAILY_DIGEST")).isChecked();
            assertThat(page.locator("#mode-MILESTONE_LATE-IMMEDIATE")).isChecked();
            List<String> refusedPage = ConsolePages.screenshotAndAxe(page, "evaluation-alertes-email-refus");

            page.locator("#mode-CP_SHORTFALL-NONE").check();
            page.locator("form.formulaire button[type=submit]").click();
            assertThat(page.locator("[role=status]")).hasText("Vos choix d'alertes par e-mail sont enregistrés.");
            assertThat(page.locator("#mode-MILESTONE_LATE-IMMEDIATE")).isChecked();
            assertThat(page.locator("#mode-SHORT_NOTICE-DAILY_DIGEST")).isChecked();
            assertThat(page.locator("#mode-CP_SHORTFALL-NONE")).isChecked();
            List<String> savedPage = ConsolePages.screenshotAndAxe(page, "evaluation-alertes-email");
            assertThat(refusedPage).isEmpty();
            assertThat(savedPage).isEmpty();
        }

        // An alert of the kind chosen, as evaluation publishes it: one mail on the stack's SMTP server.
        UUID project = UUID.randomUUID();
        AlertRaised alert = new AlertRaised(UUID.randomUUID(), "MILESTONE_LATE", VALMONT, "PROJECT", project.toString(),
                "Portail open data", Instant.now(), "Le jalon « Mise en ligne » n'est pas atteint.");
        var described = IntegrationEvents.describe(AlertRaised.class);
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), described.type(), described.version(), Instant.now(),
                VALMONT, alert.alertId().toString(), 0, "e2e", JsonMapper.builder().build().valueToTree(alert));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(TestEvents.record(Topics.EVALUATION, envelope)).get();
        }
        await().atMost(ConsolePages.PATIENCE).until(() -> mailsAbout(alert).size() == 1);
        MimeMessage mail = mailsAbout(alert).getFirst();
        assertThat(mail.getSubject()).isEqualTo("[Mutualis] Jalon en retard : Portail open data");
        assertThat((String) mail.getContent()).contains(stack.gatewayUrl() + "/projets/" + project);
        String mailbox = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(stack.mailboxUrl())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(mailbox).contains("Jalon en retard : Portail open data", ADDRESS);
    }

    private static List<MimeMessage> mailsAbout(AlertRaised alert) {
        return stack.receivedMails().stream().filter(message -> {
            try {
                return message.getMessageID() != null && message.getMessageID().startsWith("<alert." + alert.alertId() + ".");
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
