package fr.mutualis.budget.command;

import java.util.List;
import java.util.Map;

/**
 * The M57 chapters accepted on a budget line, per section (DOMAIN.md §3): investment 20 intangible assets and
 * software, 204 equipment grants, 21 tangible assets and hardware, 23 assets in progress; operating 011 general
 * charges, 012 staff, 65 other current charges. The single place to extend when more chapters are needed.
 */
public final class M57Chapters {

    private static final Map<Section, List<String>> ACCEPTED = Map.of(
            Section.INVESTMENT, List.of("20", "204", "21", "23"),
            Section.OPERATING, List.of("011", "012", "65"));

    public static List<String> acceptedIn(Section section) {
        return ACCEPTED.get(section);
    }

    public static boolean belongsTo(String chapter, Section section) {
        return acceptedIn(section).contains(chapter);
    }

    private M57Chapters() {
    }
}
