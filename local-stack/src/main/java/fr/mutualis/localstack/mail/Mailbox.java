package fr.mutualis.localstack.mail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.mutualis.testsupport.infra.EmbeddedMailServer;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.web.util.HtmlUtils;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The SMTP server of the local stack and its mailbox page: every mail the platform sent, newest first, with its
 * headers and text. The page listens on the loopback interface only: the mails name people and their collectivités,
 * and the page asks for no sign-in.
 */
public final class Mailbox implements AutoCloseable {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss", Locale.FRANCE)
            .withZone(ZoneId.of("Europe/Paris"));

    private final EmbeddedMailServer smtp;
    private final HttpServer page;

    private Mailbox(EmbeddedMailServer smtp, HttpServer page) {
        this.smtp = smtp;
        this.page = page;
    }

    /** Starts the SMTP server on {@code smtpPort} and the page on {@code pagePort} (0: free ports). */
    public static Mailbox start(int smtpPort, int pagePort) {
        EmbeddedMailServer smtp = EmbeddedMailServer.start(smtpPort);
        try {
            HttpServer page = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), pagePort), 0);
            Mailbox mailbox = new Mailbox(smtp, page);
            page.createContext("/", mailbox::answer);
            page.start();
            return mailbox;
        } catch (IOException e) {
            smtp.close();
            throw new UncheckedIOException("Cannot open the mailbox page on port " + pagePort, e);
        }
    }

    public int smtpPort() {
        return smtp.port();
    }

    /** {@code http://localhost:<port>/}. */
    public String pageUrl() {
        return "http://localhost:" + page.getAddress().getPort() + "/";
    }

    /** Every mail received, in the order received. */
    public List<MimeMessage> received() {
        return smtp.received();
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body;
        int status;
        if (!"GET".equals(exchange.getRequestMethod()) || !"/".equals(exchange.getRequestURI().getPath())) {
            status = 404;
            body = "Not found".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
        } else {
            status = 200;
            body = html().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private String html() {
        List<MimeMessage> mails = new ArrayList<>(received());
        java.util.Collections.reverse(mails);
        StringBuilder out = new StringBuilder("""
                <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Courriels reçus - Mutualis</title>
                <style>body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem}
                article{border-top:1px solid #999;padding:.5rem 0}pre{white-space:pre-wrap}dt{font-weight:bold}</style>
                </head><body><h1>Courriels reçus par le serveur SMTP de la pile locale</h1>
                """);
        out.append("<p>").append(mails.size()).append(" courriel(s), les plus récents d'abord.</p>");
        for (MimeMessage mail : mails) {
            out.append("<article><h2>").append(escape(read(mail::getSubject))).append("</h2><dl>")
                    .append(item("Reçu le", mail, m -> m.getSentDate() == null ? "" : WHEN.format(m.getSentDate().toInstant())))
                    .append(item("De", mail, m -> addresses(m.getFrom())))
                    .append(item("À", mail, m -> addresses(m.getAllRecipients())))
                    .append(item("Message-ID", mail, MimeMessage::getMessageID))
                    .append("</dl><pre>").append(escape(read(() -> text(mail)))).append("</pre></article>");
        }
        return out.append("</body></html>").toString();
    }

    private static String text(MimeMessage mail) throws MessagingException, IOException {
        Object content = mail.getContent();
        return content instanceof String text ? text : "(" + mail.getContentType() + ")";
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    private interface Part<T> {
        T read() throws MessagingException, IOException;
    }

    private interface Field {
        String of(MimeMessage mail) throws MessagingException, IOException;
    }

    private static String item(String label, MimeMessage mail, Field field) {
        return "<dt>" + label + "</dt><dd>" + escape(read(() -> field.of(mail))) + "</dd>";
    }

    private static String read(Part<String> part) {
        try {
            return part.read();
        } catch (MessagingException | IOException e) {
            return "(illisible : " + e.getMessage() + ")";
        }
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }

    @Override
    public void close() {
        page.stop(0);
        smtp.close();
    }
}
