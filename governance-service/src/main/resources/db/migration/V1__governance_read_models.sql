-- Read models of governance: rebuilt from the event store by replaying the projection.
-- The directory of collectivités is public information, readable by every tenant.
CREATE TABLE collectivite_view (
    siren      VARCHAR(9)      NOT NULL PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    population BIGINT       NOT NULL,
    epci_siren VARCHAR(9),
    version    BIGINT       NOT NULL
);
CREATE INDEX collectivite_view_name ON collectivite_view (name);
CREATE INDEX collectivite_view_epci ON collectivite_view (epci_siren);
