package fr.mutualis.governance.messages;

/** A person sitting on an instance, for a collectivité; only voting members count for quorum and votes. */
public record InstanceMember(String personId, String name, String role, String collectiviteSiren, boolean voting,
                             boolean chair) {
}
