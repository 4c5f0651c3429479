-- Roadmap lifecycle and priorisation weights (default: every criterion counts the same).
ALTER TABLE roadmap_view
    ADD COLUMN w_strategic_alignment SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN w_user_value          SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN w_agent_value         SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN w_legal_obligation    SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN w_feasibility         SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN w_risk                SMALLINT NOT NULL DEFAULT 1,
    ADD COLUMN adopted_on            DATE,
    ADD COLUMN adoption_decision_id  UUID,
    ADD COLUMN final_assessment      TEXT;
-- Counted when read: a project's event may be projected before its roadmap's (other segment), or during a replay.
ALTER TABLE roadmap_view DROP COLUMN projects_count;

-- Assessment scores (NULL until assessed) and the approving decision.
ALTER TABLE project_view
    ADD COLUMN strategic_alignment  SMALLINT,
    ADD COLUMN user_value           SMALLINT,
    ADD COLUMN agent_value          SMALLINT,
    ADD COLUMN legal_obligation     SMALLINT,
    ADD COLUMN feasibility          SMALLINT,
    ADD COLUMN risk                 SMALLINT,
    ADD COLUMN approval_decision_id UUID;

CREATE TABLE milestone_view (
    milestone_id UUID         NOT NULL PRIMARY KEY,
    project_id   UUID         NOT NULL,
    title        VARCHAR(300) NOT NULL,
    planned_date DATE         NOT NULL,
    actual_date  DATE
);
CREATE INDEX milestone_view_project ON milestone_view (project_id);

-- The priority score, 0 to 100: the weighted mean of the scores (risk inverted), with the weights of the project's
-- roadmap. Derived when read, so it follows every change of scores or weights without being stored twice.
CREATE VIEW project_priority AS
SELECT p.*,
       CASE WHEN p.strategic_alignment IS NULL THEN NULL ELSE
           ROUND(100.0 * (COALESCE(r.w_strategic_alignment, 1) * p.strategic_alignment
                        + COALESCE(r.w_user_value, 1) * p.user_value
                        + COALESCE(r.w_agent_value, 1) * p.agent_value
                        + COALESCE(r.w_legal_obligation, 1) * p.legal_obligation
                        + COALESCE(r.w_feasibility, 1) * p.feasibility
                        + COALESCE(r.w_risk, 1) * (5 - p.risk))
                 / (5.0 * (COALESCE(r.w_strategic_alignment, 1) + COALESCE(r.w_user_value, 1)
                         + COALESCE(r.w_agent_value, 1) + COALESCE(r.w_legal_obligation, 1)
                         + COALESCE(r.w_feasibility, 1) + COALESCE(r.w_risk, 1))), 1)
       END AS priority
FROM project_view p
LEFT JOIN roadmap_view r ON r.roadmap_id = p.roadmap_id;

-- What the governance consumer did with each decision it received, including the ones it could not apply.
CREATE TABLE governance_decision_receipt (
    decision_id      UUID         NOT NULL PRIMARY KEY,
    agenda_item_kind VARCHAR(40)  NOT NULL,
    subject_id       VARCHAR(255),
    outcome          VARCHAR(16)  NOT NULL,
    effect           VARCHAR(32)  NOT NULL,
    received_at      TIMESTAMPTZ  NOT NULL
);
