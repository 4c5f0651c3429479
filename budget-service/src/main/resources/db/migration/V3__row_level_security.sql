-- Row-level security on every read-model table holding tenant data: the second wall behind the WHERE clauses of
-- BudgetQueries (ARCHITECTURE.md §2). kit_visible (service-kit db/kit/V0_3) is true for rows of the request's tenant
-- and of the mutualisations it belongs to or administers, and for every row when no tenant is set (projections and
-- consumers, which are the platform itself). FORCE: the service's role owns the tables and must be walled too.
-- Not protected: collectivite (governance's public directory: names and populations, which the POPULATION key needs
-- for every member), the event store and the inbox (service-kit's, no tenant data read by requests).

-- Schedules and revisions named their programme only; they now carry its owner, like every other read-model row.
ALTER TABLE programme_schedule ADD COLUMN owner_id VARCHAR(64);
UPDATE programme_schedule s SET owner_id = p.owner_id FROM programme_view p WHERE p.programme_id = s.programme_id;
ALTER TABLE programme_schedule ALTER COLUMN owner_id SET NOT NULL;
ALTER TABLE programme_revision ADD COLUMN owner_id VARCHAR(64);
UPDATE programme_revision r SET owner_id = p.owner_id FROM programme_view p WHERE p.programme_id = r.programme_id;
ALTER TABLE programme_revision ALTER COLUMN owner_id SET NOT NULL;

ALTER TABLE budget_line_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_line_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON budget_line_view USING (kit_visible(owner_id));

ALTER TABLE budget_line_credit ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_line_credit FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON budget_line_credit USING (kit_visible(owner_id));

ALTER TABLE engagement_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE engagement_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON engagement_view USING (kit_visible(owner_id));

ALTER TABLE mandate_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE mandate_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON mandate_view USING (kit_visible(owner_id));

-- Write-side, but written and read in requests: the same wall (an engagement is found only by who sees its line).
ALTER TABLE engagement_registry ENABLE ROW LEVEL SECURITY;
ALTER TABLE engagement_registry FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON engagement_registry USING (kit_visible(owner_id));

ALTER TABLE programme_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON programme_view USING (kit_visible(owner_id));

ALTER TABLE programme_schedule ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_schedule FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON programme_schedule USING (kit_visible(owner_id));

ALTER TABLE programme_revision ENABLE ROW LEVEL SECURITY;
ALTER TABLE programme_revision FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON programme_revision USING (kit_visible(owner_id));

ALTER TABLE line_arbitration ENABLE ROW LEVEL SECURITY;
ALTER TABLE line_arbitration FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON line_arbitration USING (kit_visible(owner_id));

-- A convention's shares belong to the mutualisation: its EPCI and members see them.
ALTER TABLE mutualisation_share ENABLE ROW LEVEL SECURITY;
ALTER TABLE mutualisation_share FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON mutualisation_share USING (kit_visible(mutualisation_id::text));

-- An allocation row is one member's part: the administering EPCI sees every part, a member only its own, so the
-- owner is not the mutualisation (all members would see all parts) but the pair (EPCI, member). Without a tenant,
-- kit_visible is true for both, as for every other table.
ALTER TABLE cost_allocation_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE cost_allocation_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON cost_allocation_view USING (kit_visible(epci_siren) OR kit_visible(siren));
