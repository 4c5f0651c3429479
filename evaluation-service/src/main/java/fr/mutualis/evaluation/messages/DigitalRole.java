package fr.mutualis.evaluation.messages;

/** Specialised digital roles a collectivité declares (barometer criterion ROLES). */
public enum DigitalRole {
    DPO,
    CIL,
    CHIEF_DATA_OFFICER,
    OPEN_GOV_LEAD,
    DATA_SCIENTIST,
    DATAVIZ_SPECIALIST,
    SMART_CITY_LEAD,
    SMART_GRID_LEAD,
    OPEN_INNOVATION_LEAD,
    SECURITY_OFFICER;

    /** Data protection roles (DPO, CIL) every collectivité must have: they do not make a digital strategy. */
    public boolean isDataProtection() {
        return this == DPO || this == CIL;
    }
}
