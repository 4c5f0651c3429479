package fr.mutualis.kit.mutualisation;

import java.util.Set;
import java.util.UUID;

/** A mutualisation as every service knows it: its administering EPCI and its member collectivités. */
public record Mutualisation(UUID id, String name, String epciSiren, String allocationMethod, Set<String> memberSirens) {

    public boolean hasMember(String siren) {
        return memberSirens.contains(siren);
    }

    public boolean isAdministeredBy(String siren) {
        return epciSiren.equals(siren);
    }
}
