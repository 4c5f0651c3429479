package fr.mutualis.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackCpuTest {

    @Test
    void eachProcessCostsItsCpuOverTheCommandsWithItsCompilersPartAndTheCoresTheyKeptBusy() {
        StackCpu before = snapshot(10.0, 2.0, 5.0, 1.0, 7.0);
        StackCpu after = snapshot(13.0, 2.5, 6.0, 1.0, 9.0);

        // 500 commands over 4 s: gateway 3 s (0.5 s compiling), portfolio 1 s (no compiling), PostgreSQL 2 s.
        assertThat(after.perCommand(before, 500, 4.0)).isEqualTo(
                "all 12.0 ms (JIT 1.0), 1.50 cores busy: gateway 6.0 (JIT 1.0), portfolio-service 2.0, postgresql portfolio 4.0");
    }

    @Test
    void aProcessGoneSinceTheFirstMomentIsLeftOut() {
        StackCpu before = snapshot(10.0, 2.0, 5.0, 1.0, 7.0);
        StackCpu after = new StackCpu(Map.of("gateway", new double[]{11.0, 2.0}));

        assertThat(after.perCommand(before, 100, 1.0)).isEqualTo("all 10.0 ms (JIT 0.0), 1.00 cores busy: gateway 10.0");
    }

    @Test
    void aLoadWithoutAnAcceptedCommandSaysSoRatherThanDividingByZero() {
        StackCpu before = snapshot(10.0, 2.0, 5.0, 1.0, 7.0);

        assertThat(snapshot(11.0, 2.0, 5.0, 1.0, 7.0).perCommand(before, 0, 1.0)).isEqualTo("no command accepted");
    }

    @Test
    void atRestEachProcessKeepsItsShareOfACoreBusyWithItsCompilersPart() {
        StackCpu before = snapshot(10.0, 2.0, 5.0, 1.0, 7.0);
        StackCpu after = snapshot(10.6, 2.1, 5.3, 1.0, 7.5);

        // 20 s without a command: gateway 0.6 s (0.1 s compiling), portfolio 0.3 s, PostgreSQL 0.5 s.
        assertThat(after.atRest(before, 20.0)).isEqualTo(
                "all 0.070 cores (JIT 0.005): gateway 0.030 (JIT 0.005), portfolio-service 0.015, postgresql portfolio 0.025");
    }

    private static StackCpu snapshot(double gateway, double gatewayJit, double portfolio, double portfolioJit,
            double postgres) {
        Map<String, double[]> seconds = new LinkedHashMap<>();
        seconds.put("gateway", new double[]{gateway, gatewayJit});
        seconds.put("portfolio-service", new double[]{portfolio, portfolioJit});
        seconds.put(StackCpu.POSTGRES + " portfolio", new double[]{postgres, 0});
        return new StackCpu(seconds);
    }
}
