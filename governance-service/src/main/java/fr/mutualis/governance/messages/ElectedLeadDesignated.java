package fr.mutualis.governance.messages;

public record ElectedLeadDesignated(String siren, String name) {
}
