-- The collectivités now live in the kit's directory (kit_collectivite, V0_5), kept by the kit's governance listener
-- for every service. What this database learnt moves there; the old name stays as a view of it, so the queries and
-- tests that read collectivite read the one directory.
INSERT INTO kit_collectivite (siren, name, kind, population, epci_siren, siret)
SELECT siren, name, kind, population, epci_siren, siret FROM collectivite
ON CONFLICT (siren) DO NOTHING;

DROP TABLE collectivite;

CREATE VIEW collectivite AS
SELECT siren, name, kind, population, epci_siren, siret FROM kit_collectivite;
