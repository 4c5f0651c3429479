package fr.mutualis.localstack.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards TCP connections from a fixed local port to another local port (one virtual thread per direction).
 * <p>
 * The embedded KRaft broker (Kafka's cluster test kit behind spring-kafka-test) always binds a random port. The
 * local stack's convention is {@code localhost:19092}: this forwarder answers there, so a Kafka client configured
 * with the default bootstrap address (a service started from an IDE, a console consumer) reaches the broker. Only
 * the bootstrap connection goes through it: the broker then advertises its real address, which is also local.
 */
public final class PortForwarder implements AutoCloseable {

    private final ServerSocket server;
    private final int targetPort;
    private volatile boolean open = true;

    private PortForwarder(ServerSocket server, int targetPort) {
        this.server = server;
        this.targetPort = targetPort;
    }

    /** Listens on {@code localPort} (loopback) and forwards every connection to {@code targetPort}. */
    public static PortForwarder start(int localPort, int targetPort) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), localPort));
            PortForwarder forwarder = new PortForwarder(server, targetPort);
            Thread.ofVirtual().name("forward-" + localPort).start(forwarder::acceptLoop);
            return forwarder;
        } catch (IOException e) {
            throw new UncheckedIOException("Port " + localPort + " is not free", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (open) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                target.setTcpNoDelay(true);
                AtomicInteger openDirections = new AtomicInteger(2);
                Thread.ofVirtual().start(() -> pipe(client, target, openDirections));
                Thread.ofVirtual().start(() -> pipe(target, client, openDirections));
            } catch (IOException e) {
                if (!open) {
                    return;
                }
            }
        }
    }

    /** Copies one direction; an end of stream is passed on as a half-close, both sockets close when both ended. */
    private static void pipe(Socket from, Socket to, AtomicInteger openDirections) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
            out.flush();
            to.shutdownOutput();
            if (openDirections.decrementAndGet() == 0) {
                closeQuietly(from);
                closeQuietly(to);
            }
        } catch (IOException e) {
            // either side is gone: so is the connection
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
