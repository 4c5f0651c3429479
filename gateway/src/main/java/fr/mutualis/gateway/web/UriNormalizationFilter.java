package fr.mutualis.gateway.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Makes the request URI fully percent-encoded before anything routes it, so that a query reaches the service decoded
 * exactly once.
 * <p>
 * The routing filters rebuild the service's URI as already encoded only when every part of it is valid encoded
 * text; otherwise they encode it all again. A query mixing an escape and a raw byte ({@code ?status=é%27}) then
 * reached the service as the literal {@code %27}, and its non-ASCII bytes as mojibake. Reactor Netty reads the
 * request line byte per char, so a raw byte is encoded as that byte: the client's UTF-8 goes through unchanged.
 * Existing escapes are kept; a {@code %} not followed by two hex digits is encoded as {@code %25}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UriNormalizationFilter implements WebFilter {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        URI uri = exchange.getRequest().getURI();
        String path = encode(uri.getRawPath(), false);
        String query = encode(uri.getRawQuery(), true);
        if (same(path, uri.getRawPath()) && same(query, uri.getRawQuery())) {
            return chain.filter(exchange);
        }
        URI normalized = UriComponentsBuilder.fromUri(uri).replacePath(path).replaceQuery(query).build(true).toUri();
        return chain.filter(exchange.mutate().request(exchange.getRequest().mutate().uri(normalized).build()).build());
    }

    /** {@code raw} with every character that RFC 3986 does not allow there percent-encoded; null stays null. */
    static String encode(String raw, boolean query) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
                out.append(raw, i, i + 3);
                i += 2;
            } else if (c != '%' && isAllowed(c, query)) {
                out.append(c);
            } else if (c <= 0xFF) {
                appendEscape(out, c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    appendEscape(out, b & 0xFF);
                }
            }
        }
        return out.toString();
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static void appendEscape(StringBuilder out, int b) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
    }

    private static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    // pchar (unreserved, sub-delims, ':', '@') and '/', plus '?' in a query (RFC 3986 §3.3, §3.4).
    private static boolean isAllowed(char c, boolean query) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0 || query && c == '?';
    }
}
