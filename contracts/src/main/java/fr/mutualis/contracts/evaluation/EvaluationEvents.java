package fr.mutualis.contracts.evaluation;

import fr.mutualis.contracts.Topics;

import java.util.List;

/**
 * Catalogue of the integration events the evaluation service publishes on {@link Topics#EVALUATION}; it must match
 * {@code asyncapi/evaluation.yaml} exactly (checked by a test).
 */
public final class EvaluationEvents {

    public static final String TOPIC = Topics.EVALUATION;

    public static final List<Class<? extends Record>> ALL = List.of(
            IndicatorDefined.class,
            MeasurementRecorded.class,
            BarometerProfileChanged.class,
            AlertRaised.class,
            AlertEnded.class);

    private EvaluationEvents() {
    }
}
