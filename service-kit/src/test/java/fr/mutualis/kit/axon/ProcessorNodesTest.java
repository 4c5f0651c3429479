package fr.mutualis.kit.axon;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessorNodesTest {

    @Test
    void theLiveInstancesTogetherHoldEverySegmentAndNoneHoldsMoreThanItsShare() {
        assertThat(ProcessorNodes.fairShare(4, 1)).isEqualTo(4);
        assertThat(ProcessorNodes.fairShare(4, 2)).isEqualTo(2);
        assertThat(ProcessorNodes.fairShare(4, 3)).isEqualTo(2);
        assertThat(ProcessorNodes.fairShare(4, 4)).isEqualTo(1);
        // more instances than segments: some stay idle, each keeps room for one
        assertThat(ProcessorNodes.fairShare(4, 6)).isEqualTo(1);
        // a heartbeat not read yet counts this instance alone
        assertThat(ProcessorNodes.fairShare(4, 0)).isEqualTo(4);
        for (int segments = 1; segments <= 16; segments++) {
            for (int nodes = 1; nodes <= segments; nodes++) {
                assertThat(ProcessorNodes.fairShare(segments, nodes) * nodes).as("%d segments, %d nodes", segments, nodes)
                        .isGreaterThanOrEqualTo(segments);
                // the smallest such share: one less and some segment would stay unclaimed
                assertThat((ProcessorNodes.fairShare(segments, nodes) - 1) * nodes)
                        .as("%d segments, %d nodes", segments, nodes).isLessThan(segments);
            }
        }
    }
}
