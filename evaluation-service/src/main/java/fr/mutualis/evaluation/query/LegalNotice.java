package fr.mutualis.evaluation.query;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The notice a deliberative assembly's convocation owes its members (CGCT L2121-11, L2121-12, L5211-1), in jours
 * francs: neither the day of sending nor the day of the séance counts.
 */
public final class LegalNotice {

    /** From this population on, a commune convenes like an EPCI. */
    public static final long POPULATION_THRESHOLD = 3_500;

    private LegalNotice() {
    }

    /** Whole days strictly between the sending and the séance (0 when sent the day before, or later). */
    public static long joursFrancs(LocalDate sent, LocalDate seance) {
        return Math.max(0, ChronoUnit.DAYS.between(sent, seance) - 1);
    }

    /**
     * The jours francs required: 1 in urgency; 3 in a commune under 3,500 inhabitants; 5 from 3,500 and in every
     * EPCI. DOMAIN §9 names communes and EPCI only; other kinds (syndicats, which are EPCI, départements, régions)
     * get the EPCI's 5, the stricter of the two.
     *
     * @param commune    whether the owner is a commune (else an EPCI or the EPCI administering a mutualisation)
     * @param population the commune's population (ignored otherwise)
     */
    public static int required(boolean commune, long population, boolean urgent) {
        if (urgent) {
            return 1;
        }
        return commune && population < POPULATION_THRESHOLD ? 3 : 5;
    }
}
