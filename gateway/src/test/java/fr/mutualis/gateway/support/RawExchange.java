package fr.mutualis.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One HTTP/1.1 exchange over a plain socket, for requests no HTTP client sends as written (dot segments, control
 * bytes, raw bytes in a query, oversized lines): the request line and headers go out byte per char (ISO-8859-1).
 */
public final class RawExchange {

    public static Answer send(int port, String requestLine, List<String> headers) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            StringBuilder request = new StringBuilder(requestLine).append("\r\nHost: localhost\r\n");
            headers.forEach(header -> request.append(header).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new Answer(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The raw answer: status line, headers, body. */
    public record Answer(String text) {

        public int status() {
            return Integer.parseInt(text.substring(9, 12));
        }

        public String header(String name) {
            int end = text.indexOf("\r\n\r\n");
            return text.substring(0, end < 0 ? text.length() : end).lines()
                    .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                    .map(line -> line.substring(name.length() + 1).strip()).findFirst().orElse("");
        }

        public String body() {
            int start = text.indexOf("\r\n\r\n");
            return start < 0 ? "" : text.substring(start + 4);
        }
    }

    private RawExchange() {
    }
}
