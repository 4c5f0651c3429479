package fr.mutualis.localstack.infra;

import fr.mutualis.testsupport.infra.FreePorts;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class PortForwarderTest {

    @Test
    void forwardsBothWays() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket socket = echo.accept()) {
                    socket.getInputStream().transferTo(socket.getOutputStream());
                } catch (Exception ignored) {
                    // test over
                }
            });
            try (PortForwarder forwarder = PortForwarder.start(FreePorts.pick(), echo.getLocalPort());
                 Socket client = new Socket(InetAddress.getLoopbackAddress(), forwarder.port())) {
                OutputStream out = client.getOutputStream();
                out.write("ping".getBytes(StandardCharsets.UTF_8));
                out.flush();
                client.shutdownOutput();
                InputStream in = client.getInputStream();
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ping");
            }
        }
    }
}
