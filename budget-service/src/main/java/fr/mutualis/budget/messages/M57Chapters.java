package fr.mutualis.budget.messages;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The M57 chapters accepted on a budget line, per section (DOMAIN.md §3): investment 20 intangible assets and
 * software, 204 equipment grants, 21 tangible assets and hardware, 23 assets in progress; operating 011 general
 * charges, 012 staff, 65 other current charges. The single place to extend when more chapters are needed. Every one
 * is a chapter of real expenditure, as the SCDL export declares each line (réel, dépense): a revenue chapter or one
 * of opérations d'ordre (040, 041, 042, 043, 021, 023) would need the export to tell them apart.
 */
public final class M57Chapters {

    /** Staff costs: never the source nor the destination of a transfer between chapters. */
    public static final String STAFF_COSTS = "012";

    private static final Map<Section, List<String>> ACCEPTED = Map.of(
            Section.INVESTMENT, List.of("20", "204", "21", "23"),
            Section.OPERATING, List.of("011", "012", "65"));

    /** The M57 chapter titles, as the SCDL export labels them. */
    private static final Map<String, String> LABELS = Map.of(
            "20", "Immobilisations incorporelles",
            "204", "Subventions d'équipement versées",
            "21", "Immobilisations corporelles",
            "23", "Immobilisations en cours",
            "011", "Charges à caractère général",
            "012", "Charges de personnel et frais assimilés",
            "65", "Autres charges de gestion courante");

    public static List<String> acceptedIn(Section section) {
        return ACCEPTED.get(section);
    }

    public static boolean belongsTo(String chapter, Section section) {
        return acceptedIn(section).contains(chapter);
    }

    /** The section a chapter belongs to, if it is an accepted chapter. */
    public static Optional<Section> sectionOf(String chapter) {
        return ACCEPTED.entrySet().stream().filter(entry -> entry.getValue().contains(chapter)).map(Map.Entry::getKey).findFirst();
    }

    public static boolean isStaffCosts(String chapter) {
        return STAFF_COSTS.equals(chapter);
    }

    public static String label(String chapter) {
        return LABELS.getOrDefault(chapter, "");
    }

    private M57Chapters() {
    }
}
