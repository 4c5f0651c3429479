-- What-if scenarios (DOMAIN §10): what the scenario's events say; its figures are computed when read.
CREATE TABLE scenario_view (
    scenario_id           UUID         NOT NULL PRIMARY KEY,
    roadmap_id            UUID         NOT NULL,
    owner_id              VARCHAR(64)  NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    project_ids           UUID[]       NOT NULL,
    chosen_by_decision_id UUID,
    chosen_on             DATE,
    version               BIGINT       NOT NULL
);
CREATE INDEX scenario_view_roadmap ON scenario_view (roadmap_id);

CREATE TABLE scenario_envelope (
    scenario_id  UUID        NOT NULL REFERENCES scenario_view (scenario_id) ON DELETE CASCADE,
    year         INTEGER     NOT NULL,
    section      VARCHAR(16) NOT NULL,
    amount_cents BIGINT      NOT NULL,
    PRIMARY KEY (scenario_id, year, section)
);

-- The budget's copy the scenarios need, fed by mutualis.budget.events through the kit's inbox: each line's open
-- credits (the newest total set by a vote or a transfer, by time then sequence), and each programme's current CP
-- schedule with the project it finances (the newest revision wins).
CREATE TABLE budget_line_credits (
    line_id          UUID        NOT NULL PRIMARY KEY,
    owner_id         VARCHAR(64) NOT NULL,
    fiscal_year      INTEGER     NOT NULL,
    section          VARCHAR(16) NOT NULL,
    credits_cents    BIGINT      NOT NULL,
    credits_at       TIMESTAMPTZ NOT NULL,
    credits_sequence BIGINT      NOT NULL
);
CREATE INDEX budget_line_credits_owner ON budget_line_credits (owner_id, fiscal_year, section);

CREATE TABLE budget_programme (
    programme_id UUID        NOT NULL PRIMARY KEY,
    owner_id     VARCHAR(64) NOT NULL,
    section      VARCHAR(16) NOT NULL,
    project_id   UUID,
    revision     INTEGER     NOT NULL,
    schedule_years  INTEGER[] NOT NULL,
    schedule_cents  BIGINT[]  NOT NULL
);
CREATE INDEX budget_programme_project ON budget_programme (project_id);

-- The second tenant wall (as in V4): a request only sees its tenant's and its mutualisations' rows.
ALTER TABLE scenario_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenario_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON scenario_view USING (kit_visible(owner_id));

ALTER TABLE scenario_envelope ENABLE ROW LEVEL SECURITY;
ALTER TABLE scenario_envelope FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON scenario_envelope
    USING (coalesce(current_setting('mutualis.tenant', true), '') = ''
        OR EXISTS (SELECT 1 FROM scenario_view s WHERE s.scenario_id = scenario_envelope.scenario_id));

ALTER TABLE budget_line_credits ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_line_credits FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON budget_line_credits USING (kit_visible(owner_id));

ALTER TABLE budget_programme ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_programme FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON budget_programme USING (kit_visible(owner_id));
