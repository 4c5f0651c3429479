package fr.mutualis.gateway.web;

import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** Installs {@link DecodingFailureProblems} on every connection, after Reactor Netty's HTTP codec. */
@Configuration(proxyBeanMethods = false)
public class DecodingFailureProblemsConfig {

    @Bean
    WebServerFactoryCustomizer<NettyReactiveWebServerFactory> decodingFailureProblems() {
        return factory -> factory.addServerCustomizers(server -> server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, DecodingFailureProblems.NAME,
                        new DecodingFailureProblems());
            }
        }));
    }
}
