package fr.mutualis.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports for servers that bind them later (an app's JVM binds its port tens of seconds after the stack chose
 * it). A port the kernel hands out ({@code new ServerSocket(0)}) lies in its ephemeral range, which it also gives to
 * every outgoing connection as its local port: a PostgreSQL or Kafka client connecting meanwhile could take it, and the
 * app would fail with "port already in use" (seen in the e2e run). So a port is chosen below that range, where the
 * kernel never puts a connection, and checked free on every interface; the same JVM never gets the same port twice.
 */
public final class FreePorts {

    /** The lowest port chosen: below it are many well-known services' ports. */
    static final int LOWEST = 20_000;
    /** Linux's default start of the ephemeral range, when the machine does not say its own. */
    static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    /** A port free now on every interface, outside the kernel's ephemeral range when the machine leaves room for it. */
    public static synchronized int pick() {
        int end = Math.min(ephemeralStart(), DEFAULT_EPHEMERAL_START);
        if (end - LOWEST >= 1_000) {
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, end);
                if (!HANDED_OUT.contains(port) && bindable(port)) {
                    HANDED_OUT.add(port);
                    return port;
                }
            }
        }
        // a machine whose ephemeral range leaves no room below it: the kernel's choice, with its small race
        try (ServerSocket socket = new ServerSocket(0)) {
            HANDED_OUT.add(socket.getLocalPort());
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }

    /** The first port of the kernel's ephemeral range (Linux), or Linux's default where it cannot be read. */
    static int ephemeralStart() {
        try {
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    /** Whether a server can bind {@code port} on every interface now, as the apps' servers do. */
    static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private FreePorts() {
    }
}
