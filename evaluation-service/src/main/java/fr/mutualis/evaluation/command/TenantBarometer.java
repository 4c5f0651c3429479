package fr.mutualis.evaluation.command;

import fr.mutualis.evaluation.messages.BarometerProfile;
import fr.mutualis.evaluation.messages.BarometerProfileChanged;
import fr.mutualis.evaluation.messages.CommunicationTool;
import fr.mutualis.evaluation.messages.DeclareSelfAssessment;
import fr.mutualis.evaluation.messages.DigitalRole;
import fr.mutualis.evaluation.messages.RecordBarometerProfile;
import fr.mutualis.evaluation.messages.SelfAssessmentDeclared;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A collectivité's standing in the barometer: its self-declaration and the profile it was last classified in.
 * Identified by the SIREN. A collectivité nobody has classified yet is UNCLASSIFIED, and a profile change is an
 * event (reporting jobs follow how a territory matures); a classification that changes nothing records nothing.
 */
@Aggregate
class TenantBarometer {

    @AggregateIdentifier
    private String siren;
    private BarometerProfile profile = BarometerProfile.UNCLASSIFIED;
    private List<DigitalRole> roles = List.of();
    private List<CommunicationTool> communication = List.of();

    protected TenantBarometer() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    long handle(DeclareSelfAssessment command) {
        Long current = siren == null ? null : AggregateLifecycle.getVersion();
        if (command.expectedVersion() != null && !command.expectedVersion().equals(current)) {
            throw new ConflictingAggregateVersionException(command.siren(), command.expectedVersion(),
                    current == null ? -1 : current);
        }
        List<DigitalRole> declaredRoles = command.roles().stream().distinct().sorted().toList();
        List<CommunicationTool> declaredTools = command.communication().stream().distinct().sorted().toList();
        if (siren == null || !declaredRoles.equals(roles) || !declaredTools.equals(communication)) {
            apply(new SelfAssessmentDeclared(command.siren(), declaredRoles, declaredTools));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordBarometerProfile command) {
        if (command.profile() == profile) {
            siren = Objects.requireNonNullElse(siren, command.siren());
            return;
        }
        apply(new BarometerProfileChanged(command.siren(), profile, command.profile(), command.nearestProfile(),
                List.copyOf(command.missing())));
    }

    @EventSourcingHandler
    void on(SelfAssessmentDeclared event) {
        siren = event.siren();
        roles = event.roles();
        communication = event.communication();
    }

    @EventSourcingHandler
    void on(BarometerProfileChanged event) {
        siren = event.siren();
        profile = event.profile();
    }
}
