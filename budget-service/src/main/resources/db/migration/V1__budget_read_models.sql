-- Read models of the budget: rebuilt from the event store by replaying the projection.
CREATE TABLE budget_line_view (
    line_id        UUID         NOT NULL PRIMARY KEY,
    owner_id       VARCHAR(64)  NOT NULL,
    fiscal_year    INTEGER      NOT NULL,
    section        VARCHAR(16)  NOT NULL,
    chapter        VARCHAR(8)   NOT NULL,
    label          VARCHAR(300) NOT NULL,
    project_id     UUID,
    planned_cents  BIGINT       NOT NULL,
    voted_cents    BIGINT       NOT NULL DEFAULT 0,
    engaged_cents  BIGINT       NOT NULL DEFAULT 0,
    mandated_cents BIGINT       NOT NULL DEFAULT 0,
    version        BIGINT       NOT NULL
);
CREATE INDEX budget_line_view_owner ON budget_line_view (owner_id, fiscal_year, section);
