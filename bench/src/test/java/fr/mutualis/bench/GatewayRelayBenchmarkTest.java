package fr.mutualis.bench;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GatewayRelayBenchmarkTest {

    @Test
    void theStacksOwnConfigurationComesFirstThenEachVariantWithItsEnvironment() {
        var variants = GatewayRelayBenchmark.variants(
                "unsampled:MANAGEMENT_TRACING_SAMPLING_PROBABILITY=0.0;"
                        + "json:SPRING_APPLICATION_JSON={\"a.b\":\"x=y\"}&JAVA_TOOL_OPTIONS=-XX:TieredStopAtLevel=1");

        assertThat(List.copyOf(variants.keySet())).containsExactly("as-configured", "unsampled", "json");
        assertThat(variants.get("as-configured")).isEmpty();
        assertThat(variants.get("unsampled")).containsExactly(Map.entry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.0"));
        assertThat(variants.get("json")).containsExactly(Map.entry("SPRING_APPLICATION_JSON", "{\"a.b\":\"x=y\"}"),
                Map.entry("JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1"));
    }

    @Test
    void noVariantMeansTheStacksConfigurationAlone() {
        assertThat(GatewayRelayBenchmark.variants("").keySet()).containsExactly("as-configured");
    }

    @Test
    void aMistypedVariantIsRefusedRatherThanMeasuredAsConfigured() {
        assertThatThrownBy(() -> GatewayRelayBenchmark.variants("unsampled=0.0"))
                .hasMessageContaining("name:KEY=VALUE");
        assertThatThrownBy(() -> GatewayRelayBenchmark.variants("unsampled:PROBABILITY"))
                .hasMessageContaining("KEY=VALUE");
        assertThatThrownBy(() -> GatewayRelayBenchmark.variants("a:X=1;a:X=2"))
                .hasMessageContaining("Two variants named a");
        assertThatThrownBy(() -> GatewayRelayBenchmark.variants("as-configured:X=1"))
                .hasMessageContaining("Two variants named as-configured");
    }
}
