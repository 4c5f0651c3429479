package fr.mutualis.evaluation.integration;

import fr.mutualis.evaluation.messages.AlertEnded;
import fr.mutualis.evaluation.messages.AlertRaised;
import fr.mutualis.evaluation.messages.BarometerProfileChanged;
import fr.mutualis.evaluation.messages.IndicatorDefined;
import fr.mutualis.evaluation.messages.MeasurementRecorded;
import fr.mutualis.kit.integration.IntegrationEventMapper;
import fr.mutualis.kit.integration.OutboundEvent;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** What evaluation tells reporting jobs, in the published vocabulary of {@code contracts}. */
@Component
public class EvaluationIntegrationEvents implements IntegrationEventMapper {

    @Override
    public Optional<OutboundEvent> map(Object domainEvent) {
        return Optional.ofNullable(switch (domainEvent) {
            case IndicatorDefined e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.evaluation.IndicatorDefined(
                    e.indicatorId(), e.ownerId().id(), e.scopeKind().name(), e.scopeId(), e.name(), e.unit(), e.direction().name(),
                    e.baselineValue(), e.baselineDate(), e.targetValue(), e.targetDate()));
            case MeasurementRecorded e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.evaluation.MeasurementRecorded(
                    e.indicatorId(), e.ownerId().id(), e.date(), e.value(), e.source()));
            case BarometerProfileChanged e -> new OutboundEvent(e.siren(),
                    new fr.mutualis.contracts.evaluation.BarometerProfileChanged(e.siren(), e.previousProfile().name(),
                            e.profile().name(), e.nearestProfile() == null ? null : e.nearestProfile().name(), e.missing()));
            case AlertRaised e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.evaluation.AlertRaised(
                    e.alertId(), e.kind().name(), e.ownerId().id(), e.subjectKind().name(), e.subjectId(), e.subjectLabel(),
                    e.since(), e.detail()));
            case AlertEnded e -> new OutboundEvent(e.ownerId().id(), new fr.mutualis.contracts.evaluation.AlertEnded(
                    e.alertId(), e.kind().name(), e.ownerId().id(), e.subjectKind().name(), e.subjectId(), e.since(),
                    e.until(), e.reason()));
            default -> null;
        });
    }
}
