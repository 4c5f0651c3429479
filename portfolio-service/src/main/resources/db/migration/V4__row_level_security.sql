-- Row-level security, the second tenant wall behind the query filters (ARCHITECTURE.md §2, service-kit db/kit/V0_3):
-- a request only sees the rows of its tenant and of the mutualisations it belongs to or administers, even through a
-- query that forgot its WHERE clause. The projection and the consumers work without a request tenant: kit_visible
-- lets them read and write every row. FORCE: the service's role owns these tables and must not be exempt.
ALTER TABLE roadmap_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE roadmap_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON roadmap_view USING (kit_visible(owner_id));

ALTER TABLE project_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE project_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON project_view USING (kit_visible(owner_id));

-- A milestone has no owner of its own: it is visible exactly when its project is (the subquery is itself walled).
ALTER TABLE milestone_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE milestone_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON milestone_view
    USING (coalesce(current_setting('mutualis.tenant', true), '') = ''
        OR EXISTS (SELECT 1 FROM project_view p WHERE p.project_id = milestone_view.project_id));
