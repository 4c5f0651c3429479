package fr.mutualis.governance.command;

import fr.mutualis.governance.messages.CollectiviteRegistered;
import fr.mutualis.governance.messages.DesignateElectedLead;
import fr.mutualis.governance.messages.ElectedLeadDesignated;
import fr.mutualis.governance.messages.CollectiviteKind;
import fr.mutualis.governance.messages.RegisterCollectivite;
import fr.mutualis.contracts.Sirets;
import fr.mutualis.kit.error.InvalidInputException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.Map;

/**
 * A collectivité of the directory, identified by its SIREN. Registering a SIREN twice is refused by the event
 * store itself: the first event of this SIREN's stream already exists.
 */
@Aggregate
class Collectivite {

    @AggregateIdentifier
    private String siren;
    private CollectiviteKind kind;

    protected Collectivite() {
    }

    @CommandHandler
    public Collectivite(RegisterCollectivite command) {
        // The API validates too; the aggregate must not trust its callers with the tenant identifier.
        requireSiren("siren", command.siren());
        if (command.epciSiren() != null) {
            requireSiren("epciSiren", command.epciSiren());
        }
        if (command.siret() != null && !Sirets.belongsTo(command.siret(), command.siren())) {
            throw new InvalidInputException("siret", "siret '" + command.siret() + "' is not a SIRET of SIREN "
                    + command.siren() + " (14 digits starting with the SIREN, Luhn-valid)", "siret",
                    Map.of("siret", command.siret(), "siren", command.siren()));
        }
        if (command.population() < 0) {
            throw new InvalidInputException("population", "population must be 0 or more", "population-negative");
        }
        apply(new CollectiviteRegistered(command.siren(), command.name(), command.kind(), command.population(),
                command.epciSiren(), command.siret()));
    }

    @CommandHandler
    public long handle(DesignateElectedLead command) {
        if (command.name() == null || command.name().isBlank()) {
            throw new InvalidInputException("name", "name must not be blank", "name-blank");
        }
        apply(new ElectedLeadDesignated(siren, command.name().strip()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(CollectiviteRegistered event) {
        siren = event.siren();
        kind = event.kind();
    }

    private static void requireSiren(String field, String value) {
        if (!Siren.isValid(value)) {
            throw new InvalidInputException(field, field + " '" + value + "' is not a SIREN (9 digits, Luhn-valid)", "siren",
                    Map.of("value", String.valueOf(value)));
        }
    }

    String siren() {
        return siren;
    }

    CollectiviteKind kind() {
        return kind;
    }
}
