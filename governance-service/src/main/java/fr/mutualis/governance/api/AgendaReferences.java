package fr.mutualis.governance.api;

import fr.mutualis.kit.error.InvalidInputException;
import fr.mutualis.kit.reference.PublishedReferences;
import fr.mutualis.kit.reference.PublishedReferences.Wanted;
import fr.mutualis.kit.reference.ReferenceKind;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What an agenda names in other contexts, checked against what they published before a séance is convened: a
 * PROJECT_GATE's subject is a project, a ROADMAP_ADOPTION's a roadmap, a PRIORITISATION's (optional) a project, a
 * roadmap or a portfolio scenario, any other item's subject (optional) a project or a roadmap; an arbitrated amount
 * is for a budget line or a project. Each must be visible to the caller's tenant; else 404 (or 422 for an object of another kind) naming the field.
 */
@Component
class AgendaReferences {

    private final PublishedReferences references;

    AgendaReferences(PublishedReferences references) {
        this.references = references;
    }

    void check(String callerSiren, List<ScheduleSessionRequest.Item> agenda) {
        List<Wanted> wanted = new ArrayList<>();
        for (int index = 0; index < agenda.size(); index++) {
            ScheduleSessionRequest.Item item = agenda.get(index);
            String at = "agenda[" + index + "]";
            if (item.subjectId() != null && !item.subjectId().isBlank()) {
                String field = at + ".subjectId";
                Set<ReferenceKind> kinds = switch (item.kind()) {
                    case PROJECT_GATE -> Set.of(ReferenceKind.PROJECT);
                    case ROADMAP_ADOPTION -> Set.of(ReferenceKind.ROADMAP);
                    // A priorisation may arbitrate between a roadmap's what-if scenarios: its decision chooses one.
                    case PRIORITISATION -> Set.of(ReferenceKind.PROJECT, ReferenceKind.ROADMAP, ReferenceKind.SCENARIO);
                    default -> Set.of(ReferenceKind.PROJECT, ReferenceKind.ROADMAP);
                };
                wanted.add(new Wanted(field, uuid(field, item.subjectId().strip()), kinds));
            }
            List<ScheduleSessionRequest.Amount> amounts = item.amounts() == null ? List.of() : item.amounts();
            for (int position = 0; position < amounts.size(); position++) {
                ScheduleSessionRequest.Amount amount = amounts.get(position);
                String field = at + ".amounts[" + position + "]";
                if (amount.budgetLineId() != null) {
                    wanted.add(new Wanted(field + ".budgetLineId", amount.budgetLineId(), ReferenceKind.BUDGET_LINE));
                }
                if (amount.projectId() != null) {
                    wanted.add(new Wanted(field + ".projectId", amount.projectId(), ReferenceKind.PROJECT));
                }
            }
        }
        if (!wanted.isEmpty()) {
            references.requireAll(callerSiren, wanted);
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "names the subject by its id (a UUID)", "subject-uuid");
        }
    }
}
