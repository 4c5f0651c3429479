package fr.mutualis.kit.time;

import java.time.ZoneId;

/** The collectivités' own time: what "today" is for a milestone, the day a séance sits on, the hour a mail says. */
public final class FrenchTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private FrenchTime() {
    }
}
