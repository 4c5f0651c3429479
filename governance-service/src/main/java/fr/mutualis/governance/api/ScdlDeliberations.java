package fr.mutualis.governance.api;

import fr.mutualis.governance.messages.AgendaItemKind;
import fr.mutualis.governance.query.CollectiviteView;
import fr.mutualis.governance.query.DecisionView;
import fr.mutualis.kit.csv.ScdlPublisher;
import fr.mutualis.kit.csv.SpreadsheetCsv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Adopted délibérations in the SCDL "Délibérations" tabular layout (schema 2.1.5 of the Socle Commun des Données
 * Locales), one row per APPROVED decision of a deliberative assembly, comma-separated, UTF-8, RFC 4180 quoting; text
 * quoted, and made inert when a spreadsheet would run it as a formula (see {@link SpreadsheetCsv}), votes unquoted.
 * <p>
 * Column mapping:
 * <ul>
 *   <li>COLL_NOM, COLL_SIRET: the owning collectivité's name and the SIRET of its siège; a mutualisation's assembly
 *   is reported under its EPCI. A collectivité the directory knows no SIRET of refuses the export (see
 *   {@link ScdlPublisher});</li>
 *   <li>DELIB_ID: the decision id; DELIB_DATE: the date of the séance;</li>
 *   <li>DELIB_MATIERE_CODE / _NOM: the ACTES matière of the agenda item's kind (see {@link AgendaItemKind}), e.g.
 *   7.1 "Finances locales/Décisions budgétaires" for a budget arbitration;</li>
 *   <li>DELIB_OBJET: the agenda item's title; BUDGET_ANNEE: the year of a budget arbitration; BUDGET_NOM,
 *   PREF_ID, PREF_DATE, DELIB_URL: empty (budget names and transmission to the préfecture are not tracked);</li>
 *   <li>VOTE_EFFECTIF: voting members of the assembly; VOTE_REEL: voting members present; VOTE_POUR,
 *   VOTE_CONTRE, VOTE_ABSTENTION: the votes.</li>
 * </ul>
 */
final class ScdlDeliberations {

    static final List<String> COLUMNS = List.of("COLL_NOM", "COLL_SIRET", "DELIB_ID", "DELIB_DATE",
            "DELIB_MATIERE_CODE", "DELIB_MATIERE_NOM", "DELIB_OBJET", "BUDGET_ANNEE", "BUDGET_NOM", "PREF_ID",
            "PREF_DATE", "VOTE_EFFECTIF", "VOTE_REEL", "VOTE_POUR", "VOTE_CONTRE", "VOTE_ABSTENTION", "DELIB_URL");

    static String csv(List<DecisionView> decisions, Function<String, Optional<CollectiviteView>> collectiviteOfOwner) {
        List<List<Object>> rows = new ArrayList<>();
        for (DecisionView decision : decisions) {
            // An owner the directory does not know has no SIRET either: refused the same way.
            ScdlPublisher publisher = collectiviteOfOwner.apply(decision.ownerId())
                    .map(collectivite -> ScdlPublisher.of(collectivite.siren(), collectivite.name(), collectivite.siret()))
                    .orElseGet(() -> ScdlPublisher.of(decision.ownerId(), null, null));
            AgendaItemKind kind = AgendaItemKind.valueOf(decision.agendaItemKind());
            rows.add(Arrays.asList(
                    publisher.name(),
                    publisher.siret(),
                    decision.id(),
                    decision.decidedOn(),
                    kind.matiere().code(),
                    kind.matiere().label(),
                    decision.title(),
                    kind == AgendaItemKind.BUDGET_ARBITRATION ? String.valueOf(decision.decidedOn().getYear()) : null,
                    null,
                    null,
                    null,
                    decision.votingMembers(),
                    decision.votingPresent(),
                    decision.votesFor(),
                    decision.votesAgainst(),
                    decision.abstentions(),
                    null));
        }
        return SpreadsheetCsv.write(COLUMNS, rows);
    }

    private ScdlDeliberations() {
    }
}
