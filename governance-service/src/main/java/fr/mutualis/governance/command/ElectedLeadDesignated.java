package fr.mutualis.governance.command;

public record ElectedLeadDesignated(String siren, String name) {
}
