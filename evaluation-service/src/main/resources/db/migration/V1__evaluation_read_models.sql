-- Evaluation's own indicators.
CREATE TABLE indicator_view (
    indicator_id   UUID          NOT NULL PRIMARY KEY,
    owner_id       VARCHAR(64)   NOT NULL,
    scope_kind     VARCHAR(16)   NOT NULL,
    scope_id       VARCHAR(64)   NOT NULL,
    name           VARCHAR(300)  NOT NULL,
    unit           VARCHAR(50)   NOT NULL,
    baseline_value NUMERIC(20, 4) NOT NULL,
    baseline_date  DATE          NOT NULL,
    target_value   NUMERIC(20, 4) NOT NULL,
    target_date    DATE          NOT NULL,
    direction      VARCHAR(8)    NOT NULL,
    frequency      VARCHAR(16)   NOT NULL,
    version        BIGINT        NOT NULL
);
CREATE INDEX indicator_view_owner ON indicator_view (owner_id);

-- What evaluation learns from the portfolio's integration events (mutualis.portfolio.events).
-- last_sequence makes the projection order-tolerant: an older event never overwrites a newer state.
CREATE TABLE portfolio_roadmap (
    roadmap_id    UUID         NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)  NOT NULL,
    title         VARCHAR(300) NOT NULL,
    start_year    INTEGER      NOT NULL,
    end_year      INTEGER      NOT NULL,
    axes          TEXT[]       NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX portfolio_roadmap_owner ON portfolio_roadmap (owner_id);

CREATE TABLE portfolio_project (
    project_id    UUID         NOT NULL PRIMARY KEY,
    roadmap_id    UUID         NOT NULL,
    owner_id      VARCHAR(64)  NOT NULL,
    title         VARCHAR(300) NOT NULL,
    axis          VARCHAR(40)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    planned_start DATE         NOT NULL,
    planned_end   DATE         NOT NULL,
    last_sequence BIGINT       NOT NULL
);
CREATE INDEX portfolio_project_owner ON portfolio_project (owner_id, status);
