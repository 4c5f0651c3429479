-- Row-level security, the second wall behind the query filters (ARCHITECTURE.md §2). The request's tenant is put in
-- the session setting mutualis.tenant by TenantScopedDataSource; a read-model table protected by
--   ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t FORCE ROW LEVEL SECURITY;
--   CREATE POLICY tenant_wall ON t USING (kit_visible(owner_id));
-- then only shows a request the rows of its tenant and of the mutualisations it belongs to or administers, even to a
-- query that forgot its WHERE clause. Without a tenant (projections, consumers, migrations) every row is visible:
-- those are the platform itself, not a caller.
CREATE FUNCTION kit_visible(owner TEXT) RETURNS BOOLEAN
    LANGUAGE sql STABLE AS
$$
SELECT coalesce(current_setting('mutualis.tenant', true), '') = ''
    OR owner = current_setting('mutualis.tenant', true)
    OR EXISTS (SELECT 1
               FROM kit_mutualisation_member member
               WHERE member.mutualisation_id::text = owner
                 AND member.siren = current_setting('mutualis.tenant', true))
    OR EXISTS (SELECT 1
               FROM kit_mutualisation mutualisation
               WHERE mutualisation.mutualisation_id::text = owner
                 AND mutualisation.epci_siren = current_setting('mutualis.tenant', true))
$$;
