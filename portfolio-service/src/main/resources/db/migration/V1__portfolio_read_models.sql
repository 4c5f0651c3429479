-- Read models of the portfolio: rebuilt from the event store by replaying the projection.
CREATE TABLE roadmap_view (
    roadmap_id    UUID         NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)  NOT NULL,
    title         VARCHAR(300) NOT NULL,
    start_year    INTEGER      NOT NULL,
    end_year      INTEGER      NOT NULL,
    axes          TEXT[]       NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    projects_count INTEGER     NOT NULL DEFAULT 0,
    version       BIGINT       NOT NULL
);
CREATE INDEX roadmap_view_owner ON roadmap_view (owner_id);

CREATE TABLE project_view (
    project_id                 UUID         NOT NULL PRIMARY KEY,
    roadmap_id                 UUID         NOT NULL,
    owner_id                   VARCHAR(64)  NOT NULL,
    title                      VARCHAR(300) NOT NULL,
    description                TEXT,
    axis                       VARCHAR(40)  NOT NULL,
    theme                      VARCHAR(40)  NOT NULL,
    sponsor                    VARCHAR(200),
    manager                    VARCHAR(200),
    planned_start              DATE         NOT NULL,
    planned_end                DATE         NOT NULL,
    estimated_investment_cents BIGINT       NOT NULL,
    estimated_operating_cents  BIGINT       NOT NULL,
    status                     VARCHAR(16)  NOT NULL,
    version                    BIGINT       NOT NULL
);
CREATE INDEX project_view_owner ON project_view (owner_id, status);
CREATE INDEX project_view_roadmap ON project_view (roadmap_id);
