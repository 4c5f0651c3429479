package fr.mutualis.testsupport.infra;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server running inside this JVM (GreenMail): it accepts every mail for any address and keeps what it
 * received, to be read back. It can be stopped and started again on the same port, as an outage of the mail server;
 * what it received before is kept.
 */
public final class EmbeddedMailServer implements AutoCloseable {

    private final List<MimeMessage> before = new ArrayList<>();
    private final int port;
    private GreenMail server;

    private EmbeddedMailServer(int port) {
        this.port = port;
    }

    /** Starts an SMTP server on {@code port} of every interface, 0 for a free one. */
    public static EmbeddedMailServer start(int port) {
        // outside the ephemeral range: the server is bound again on the same port after each suspension
        EmbeddedMailServer mail = new EmbeddedMailServer(port == 0 ? FreePorts.pick() : port);
        mail.startServer();
        return mail;
    }

    public int port() {
        return port;
    }

    /** Stops the server: senders get connection refused until {@link #resume()}. */
    public synchronized void suspend() {
        if (server != null) {
            before.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** Starts the stopped server again, on the same port. */
    public synchronized void resume() {
        if (server == null) {
            startServer();
        }
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Every mail received since the start, in the order received. */
    public synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(before);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
    }

    /** The mails received for {@code address}. */
    public List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(message -> {
            try {
                return message.getAllRecipients() != null && Arrays.stream(message.getAllRecipients())
                        .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private void startServer() {
        GreenMail started = new GreenMail(new ServerSetup(port, null, ServerSetup.PROTOCOL_SMTP));
        started.start();
        server = started;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }
}
