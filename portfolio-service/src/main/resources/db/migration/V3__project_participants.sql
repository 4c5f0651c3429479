-- The members taking part in a mutualisation's project.
ALTER TABLE project_view ADD COLUMN participant_sirens TEXT[] NOT NULL DEFAULT '{}';

-- Recreated: a view's p.* is the column list of the day it was created.
DROP VIEW project_priority;
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
