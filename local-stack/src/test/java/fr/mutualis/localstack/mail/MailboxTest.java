package fr.mutualis.localstack.mail;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The local stack's SMTP server takes a mail, and its page shows it to a person, escaped. */
class MailboxTest {

    @Test
    void aMailSentThroughSmtpIsListedOnThePage() throws Exception {
        try (Mailbox mailbox = Mailbox.start(0, 0)) {
            Properties smtp = new Properties();
            smtp.put("mail.smtp.host", "localhost");
            smtp.put("mail.smtp.port", String.valueOf(mailbox.smtpPort()));
            MimeMessage mail = new MimeMessage(Session.getInstance(smtp));
            mail.setFrom(new InternetAddress("alertes@mutualis.localhost"));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress("valmont-agent@mutualis.localhost"));
            mail.setSubject("[Mutualis] Jalon en retard : <Portail> open data", "UTF-8");
            mail.setText("Le jalon « Mise en ligne » n'est pas atteint.", "UTF-8");
            Transport.send(mail);

            assertThat(mailbox.received()).hasSize(1);
            HttpResponse<String> page = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(mailbox.pageUrl())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("1 courriel(s)", "[Mutualis] Jalon en retard : &lt;Portail&gt; open data",
                    "valmont-agent@mutualis.localhost", "Le jalon « Mise en ligne » n&#39;est pas atteint.");
            assertThat(mailbox.pageUrl()).startsWith("http://localhost:");
        }
    }
}
