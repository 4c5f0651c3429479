package fr.mutualis.gateway.web;

import fr.mutualis.contracts.HttpContract;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;

import java.nio.charset.StandardCharsets;

/**
 * Gives a problem+json body to the refusals that Reactor Netty and Spring's adapter send before any filter runs,
 * with an empty body: a request line or URI too long (414), headers too large (431), a request line or header that
 * does not parse, control bytes, a URI Java cannot parse (400). Sits in the channel pipeline right after the HTTP
 * codec; it only rewrites a complete response that has a 4xx status, no body and no {@code Content-Type}, which
 * the gateway itself never sends (its own refusals go through {@code ProblemWriter}).
 */
public class DecodingFailureProblems extends ChannelDuplexHandler {

    public static final String NAME = "mutualis.decodingFailureProblems";

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && isBareRefusal(response)) {
            byte[] body = problem(response.status()).getBytes(StandardCharsets.UTF_8);
            ByteBuf content = ctx.alloc().buffer(body.length).writeBytes(body);
            FullHttpResponse replaced = response.replace(content);
            replaced.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json");
            replaced.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            response.release();
            super.write(ctx, replaced, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    private static boolean isBareRefusal(FullHttpResponse response) {
        int code = response.status().code();
        return code >= 400 && code < 500 && response.content().readableBytes() == 0
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    // Fixed text: nothing of a request that could not even be parsed is echoed.
    static String problem(HttpResponseStatus status) {
        String slug = switch (status.code()) {
            case 413 -> "payload-too-large";
            case 414 -> "uri-too-long";
            case 431 -> "headers-too-large";
            default -> "invalid-request";
        };
        String detail = switch (status.code()) {
            case 414 -> "The request URI is too long";
            case 431 -> "The request headers are too large";
            default -> "The request could not be read: its request line, URI or headers are malformed";
        };
        return "{\"type\":\"" + HttpContract.PROBLEM_TYPE_BASE + slug + "\",\"title\":\"" + status.reasonPhrase()
                + "\",\"status\":" + status.code() + ",\"detail\":\"" + detail + "\"}";
    }
}
