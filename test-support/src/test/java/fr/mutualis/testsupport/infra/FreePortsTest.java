package fr.mutualis.testsupport.infra;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void aPortIsChosenBelowTheRangeTheKernelGivesOutgoingConnections() {
        int ephemeralStart = FreePorts.ephemeralStart();
        assertThat(ephemeralStart).as("this machine's ephemeral range leaves room below it")
                .isGreaterThanOrEqualTo(FreePorts.LOWEST + 1_000);
        for (int i = 0; i < 50; i++) {
            assertThat(FreePorts.pick()).isBetween(FreePorts.LOWEST, ephemeralStart - 1);
        }
    }

    @Test
    void aChosenPortCanBeBoundOnEveryInterfaceAndIsNotHandedOutTwice() throws Exception {
        Set<Integer> picked = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            int port = FreePorts.pick();
            assertThat(picked.add(port)).as("port %d handed out twice", port).isTrue();
        }
        int port = FreePorts.pick();
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            assertThat(server.getLocalPort()).isEqualTo(port);
        }
    }

    @Test
    void aPortSomeServerListensOnIsNotFree() throws Exception {
        try (ServerSocket server = new ServerSocket(FreePorts.pick())) {
            assertThat(FreePorts.bindable(server.getLocalPort())).isFalse();
        }
    }
}
