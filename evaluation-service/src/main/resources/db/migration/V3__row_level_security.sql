-- Row-level security, the second wall behind the query filters (ARCHITECTURE.md §2, service-kit's db/kit/V0_3): a
-- request only sees the rows of its tenant and of the mutualisations it belongs to or administers, even through a
-- query that forgot its WHERE clause. Projections, Kafka consumers and the profile tracker run without a request
-- tenant and see and write every row. governance_collectivite stays open: it is the public directory (SIREN, name,
-- kind, population), which every tenant reads to name the members of its mutualisations.

-- Each collectivité's barometer as last classified by the profile tracker (no request tenant): the members' view of
-- a mutualisation reads it, because the criteria behind it come from rows its administrators must not see.
CREATE TABLE barometer_standing (
    siren           VARCHAR(9)  NOT NULL PRIMARY KEY,
    profile         VARCHAR(16) NOT NULL,
    nearest_profile VARCHAR(16),
    missing         TEXT[]      NOT NULL,
    plan            BOOLEAN     NOT NULL,
    elected_lead    BOOLEAN     NOT NULL,
    axes            TEXT[]      NOT NULL,
    roles           TEXT[]      NOT NULL,
    evaluation      BOOLEAN     NOT NULL,
    communication   TEXT[]      NOT NULL,
    axes_threshold  INTEGER     NOT NULL,
    classified_at   TIMESTAMPTZ NOT NULL
);

DO
$$
    DECLARE
        protected RECORD;
    BEGIN
        FOR protected IN
            SELECT * FROM (VALUES ('indicator_view', 'owner_id'),
                                  ('indicator_measurement', 'owner_id'),
                                  ('portfolio_roadmap', 'owner_id'),
                                  ('portfolio_project', 'owner_id'),
                                  ('portfolio_milestone', 'owner_id'),
                                  ('governance_elected_lead', 'siren'),
                                  ('governance_instance', 'owner_id'),
                                  ('governance_session', 'owner_id'),
                                  ('budget_line', 'owner_id'),
                                  ('budget_engagement', 'owner_id'),
                                  ('budget_mandate', 'owner_id'),
                                  ('self_assessment', 'siren'),
                                  ('barometer_profile', 'siren'),
                                  ('barometer_pending', 'siren')) AS t(table_name, owner_column)
            LOOP
                EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', protected.table_name);
                EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', protected.table_name);
                EXECUTE format('CREATE POLICY tenant_wall ON %I USING (kit_visible(%I))', protected.table_name,
                               protected.owner_column);
            END LOOP;
    END
$$;

-- A member's barometer standing is shared with the administering EPCI of its mutualisations (the barometer view
-- over a mutualisation's members); nothing else of the member is.
ALTER TABLE barometer_standing ENABLE ROW LEVEL SECURITY;
ALTER TABLE barometer_standing FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON barometer_standing USING (
    kit_visible(siren)
    OR EXISTS (SELECT 1
               FROM kit_mutualisation mutualisation
                        JOIN kit_mutualisation_member member ON member.mutualisation_id = mutualisation.mutualisation_id
               WHERE member.siren = barometer_standing.siren
                 AND mutualisation.epci_siren = current_setting('mutualis.tenant', true)));
