package fr.mutualis.kit.csv;

import fr.mutualis.kit.error.BusinessRuleViolationException;

import java.util.Map;

/**
 * The collectivité an SCDL open-data file speaks for, as both SCDL schemas require it on every row: its name and the
 * SIRET of its siège ({@code BGT_NOM}/{@code BGT_SIRET}, {@code COLL_NOM}/{@code COLL_SIRET}).
 */
public record ScdlPublisher(String name, String siret) {

    /**
     * The publisher of {@code siren}'s rows, from what the directory published about it. Rather than invent a SIRET
     * (a SIREN is not one, and the NIC of a siège cannot be guessed), a collectivité registered without one cannot
     * export: 422 {@code siret-unknown} naming {@code siret}, until the directory knows it.
     */
    public static ScdlPublisher of(String siren, String name, String siret) {
        if (siret == null || name == null) {
            throw new BusinessRuleViolationException("siret-unknown", "siret",
                    "The SCDL schemas name a collectivité by the SIRET of its siège, and the directory has none for "
                            + siren + " (registered without siret): this export cannot be written",
                    Map.of("siren", siren));
        }
        return new ScdlPublisher(name, siret);
    }
}
