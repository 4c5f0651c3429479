package fr.mutualis.evaluation.integration;

import fr.mutualis.evaluation.query.ReadModelRebuild;
import fr.mutualis.kit.rebuild.RebuildStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluation's rebuild (topics replayed from the beginning, then its own event store) behind service-kit's rebuild
 * endpoint, {@code /api/evaluation/admin/rebuild}, in the status shape every service answers: one part per Kafka
 * consumer and per projection.
 */
@Component
class RebuildEndpointStatus implements fr.mutualis.kit.rebuild.ReadModelRebuild {

    private final ReadModelRebuild rebuild;

    RebuildEndpointStatus(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @Override
    public RebuildStatus start() {
        return toKit(rebuild.start());
    }

    @Override
    public RebuildStatus status() {
        return toKit(rebuild.status());
    }

    private static RebuildStatus toKit(ReadModelRebuild.Status status) {
        List<RebuildStatus.Part> parts = new ArrayList<>();
        status.consumers().forEach(consumer -> parts.add(new RebuildStatus.Part(consumer.consumer(),
                "topic " + consumer.topic(), consumer.replayed(), consumer.target())));
        status.processors().forEach(processor -> parts.add(new RebuildStatus.Part(processor.processor(),
                "event store", Math.max(0, processor.position()), processor.target())));
        RebuildStatus.State state = switch (status.state()) {
            case IDLE -> RebuildStatus.State.IDLE;
            case RUNNING -> RebuildStatus.State.RUNNING;
            case DONE -> RebuildStatus.State.COMPLETED;
        };
        return RebuildStatus.of(state, status.startedAt(), status.finishedAt(), parts);
    }
}
