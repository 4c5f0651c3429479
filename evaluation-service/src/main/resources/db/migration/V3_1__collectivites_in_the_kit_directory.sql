-- The collectivités now live in the kit's directory (kit_collectivite, V0_5), kept by the kit's governance listener
-- for every service. What this database learnt moves there; the old name stays as a view of it, so the queries and
-- tests that read governance_collectivite read the one directory. It is no longer rebuilt from the topic by
-- evaluation's rebuild: the kit's listener keeps it, as it keeps the mutualisations.
INSERT INTO kit_collectivite (siren, name, kind, population, epci_siren)
SELECT siren, name, kind, population, epci_siren FROM governance_collectivite
ON CONFLICT (siren) DO NOTHING;

DROP TABLE governance_collectivite;

CREATE VIEW governance_collectivite AS
SELECT siren, name, kind, population, epci_siren FROM kit_collectivite;
