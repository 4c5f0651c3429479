-- Every service's copy of the collectivités registered by governance (CollectiviteRegistered), filled by the kit's
-- governance directory listener: the public directory (no row-level security), one row per SIREN. It replaces the
-- copies budget (collectivite) and evaluation (governance_collectivite) kept, whose migrations move their rows here.
CREATE TABLE kit_collectivite (
    siren      CHAR(9)      NOT NULL PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    population BIGINT       NOT NULL,
    epci_siren CHAR(9),
    siret      CHAR(14)
);
