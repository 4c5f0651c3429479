package fr.mutualis.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP/1.1 written byte by byte on a socket: java.net.http refuses to send what an attacker sends (control bytes in
 * a path or a header, bytes 0x80 to 0x9F in a header, an {@code Expect} it does not know), so hostile-input tests
 * that need those bytes write the request themselves. One request per connection ({@code Connection: close}), the
 * answer read to the end of the stream.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    /** An answer as the client saw it; headers by lower-case name (the last one wins). */
    public record Answer(int status, Map<String, String> headers, String body) {

        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }

        public boolean isProblem() {
            return header("Content-Type").map(type -> type.startsWith("application/problem+json")).orElse(false);
        }

        @Override
        public String toString() {
            return status + " " + header("Content-Type").orElse("(no content type)") + " "
                    + (body.length() < 200 ? body : body.substring(0, 200) + "...");
        }
    }

    private RawHttp() {
    }

    /**
     * Sends {@code head} (request line and headers, each ending CRLF, without the blank line) followed by the blank
     * line and {@code body}, to the host and port of {@code baseUrl}. Adds {@code Host}, {@code Connection: close}
     * and {@code Content-Length} unless {@code head} holds them.
     */
    public static Answer send(String baseUrl, byte[] head, byte[] body) {
        URI uri = URI.create(baseUrl);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            String lowerHead = new String(head, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(head);
            if (!lowerHead.contains("\r\nhost:")) {
                request.writeBytes(("Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("Connection: close\r\n".getBytes(StandardCharsets.US_ASCII));
            if (!lowerHead.contains("\r\ncontent-length:") && (body.length > 0 || !lowerHead.startsWith("get "))) {
                request.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            request.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body);
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("raw request to " + baseUrl, e);
        }
    }

    /** {@code METHOD target HTTP/1.1} with the headers given, each as a raw {@code Name: value} line. */
    public static byte[] head(String method, String target, String... headers) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return head.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static Answer read(InputStream in) throws IOException {
        byte[] all = readAll(in);
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/") || end < 0) {
            // a server that closes the connection without an HTTP answer: reported as status 0
            return new Answer(0, Map.of(), text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
            rest = unchunk(rest);
        }
        return new Answer(status, headers, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
            }
        } catch (java.net.SocketException e) {
            // a reset after the answer was written (the server refused the rest of the request): keep what came
            if (out.size() == 0) {
                throw e;
            }
        }
        return out.toByteArray();
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOfCrlf(chunked, at);
            if (lineEnd < 0) {
                break;
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(chunked, start, Math.min(length, chunked.length - start));
            at = start + length + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
