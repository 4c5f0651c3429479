package fr.mutualis.kit.time;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The collectivités' own time: what "today" is for a milestone, the day a séance sits on, the hour a mail says. */
public final class FrenchTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");
    /** A day as a French reader writes it: 31/01/2027. */
    public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.FRANCE);

    private FrenchTime() {
    }
}
