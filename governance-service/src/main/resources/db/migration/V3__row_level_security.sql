-- Row-level security, the second tenant wall behind the query filters (ARCHITECTURE.md §2, service-kit db/kit/V0_3):
-- a request only sees the rows of its tenant and of the mutualisations it belongs to or administers, even through a
-- query that forgot its WHERE clause. The projection works without a request tenant: kit_visible lets it read and
-- write every row. FORCE: the service's role owns these tables and must not be exempt.
-- collectivite_view is left open on purpose: the directory of collectivités is public information (V1).
ALTER TABLE instance_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE instance_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON instance_view USING (kit_visible(owner_id));

ALTER TABLE session_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE session_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON session_view USING (kit_visible(owner_id));

ALTER TABLE decision_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE decision_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON decision_view USING (kit_visible(owner_id));

-- A mutualisation is seen by its EPCI and its members (kit_visible of its own id), and by a platform administrator,
-- whose read declares it for its transaction only (GovernanceQueries.mutualisation): the flag cannot outlive it.
ALTER TABLE mutualisation_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE mutualisation_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON mutualisation_view
    USING (kit_visible(mutualisation_id::text)
        OR coalesce(current_setting('mutualis.platform_admin', true), '') = 'on');
