-- Several consumers of one service may read the same event (e.g. the mutualisation directory and the service's own
-- governance listener): each records what it applied, so the inbox is keyed by consumer group and event id.
ALTER TABLE processed_integration_event ADD COLUMN consumer VARCHAR(200) NOT NULL DEFAULT 'default';
ALTER TABLE processed_integration_event DROP CONSTRAINT processed_integration_event_pkey;
ALTER TABLE processed_integration_event ADD PRIMARY KEY (consumer, event_id);
ALTER TABLE processed_integration_event ALTER COLUMN consumer DROP DEFAULT;

-- Every service's copy of the mutualisations published by governance: who administers each one and who belongs to it,
-- which decides who sees and manages mutualisation-owned data.
CREATE TABLE kit_mutualisation (
    mutualisation_id  UUID         NOT NULL PRIMARY KEY,
    name              VARCHAR(300) NOT NULL,
    epci_siren        CHAR(9)      NOT NULL,
    allocation_method VARCHAR(20)  NOT NULL
);

CREATE TABLE kit_mutualisation_member (
    mutualisation_id UUID    NOT NULL REFERENCES kit_mutualisation (mutualisation_id),
    siren            CHAR(9) NOT NULL,
    PRIMARY KEY (mutualisation_id, siren)
);

CREATE INDEX kit_mutualisation_member_by_siren ON kit_mutualisation_member (siren);
CREATE INDEX kit_mutualisation_by_epci ON kit_mutualisation (epci_siren);
