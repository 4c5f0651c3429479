-- Measurements of evaluation's own indicators; (indicator, sequence) is the event's place in the indicator's
-- stream, so a replay writes the same rows and two measurements of one date keep their order.
CREATE TABLE indicator_measurement (
    indicator_id UUID           NOT NULL,
    sequence     BIGINT         NOT NULL,
    owner_id     VARCHAR(64)    NOT NULL,
    measured_on  DATE           NOT NULL,
    value        NUMERIC(20, 4) NOT NULL,
    source       VARCHAR(300)   NOT NULL,
    PRIMARY KEY (indicator_id, sequence)
);
CREATE INDEX indicator_measurement_owner ON indicator_measurement (owner_id, measured_on);

-- Each collectivité's self-declaration for the barometer.
CREATE TABLE self_assessment (
    siren         VARCHAR(64) NOT NULL PRIMARY KEY,
    roles         TEXT[]      NOT NULL,
    communication TEXT[]      NOT NULL,
    version       BIGINT      NOT NULL
);

-- The profile each collectivité was last recorded in (BarometerProfileChanged); none recorded means UNCLASSIFIED.
CREATE TABLE barometer_profile (
    siren   VARCHAR(64) NOT NULL PRIMARY KEY,
    profile VARCHAR(16) NOT NULL,
    version BIGINT      NOT NULL
);

-- Collectivités whose barometer profile may have changed: the profile tracker reclassifies them.
CREATE TABLE barometer_pending (
    siren     VARCHAR(64) NOT NULL PRIMARY KEY,
    marked_at TIMESTAMPTZ NOT NULL
);

-- Portfolio events may arrive before the event that creates the row they refer to (a status change before the
-- proposal, an adoption before the draft): whichever comes first creates the row, each fills its own columns.
ALTER TABLE portfolio_roadmap
    ALTER COLUMN title DROP NOT NULL,
    ALTER COLUMN start_year DROP NOT NULL,
    ALTER COLUMN end_year DROP NOT NULL,
    ALTER COLUMN axes DROP NOT NULL,
    ADD COLUMN adopted_on DATE;
ALTER TABLE portfolio_project
    ALTER COLUMN title DROP NOT NULL,
    ALTER COLUMN planned_start DROP NOT NULL,
    ALTER COLUMN planned_end DROP NOT NULL;

CREATE TABLE portfolio_milestone (
    milestone_id UUID         NOT NULL PRIMARY KEY,
    project_id   UUID         NOT NULL,
    owner_id     VARCHAR(64)  NOT NULL,
    title        VARCHAR(300),
    planned_date DATE         NOT NULL,
    actual_date  DATE
);
CREATE INDEX portfolio_milestone_owner ON portfolio_milestone (owner_id, planned_date);

-- What evaluation learns from governance (mutualis.governance.events).
CREATE TABLE governance_collectivite (
    siren      VARCHAR(9)   NOT NULL PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    population BIGINT       NOT NULL,
    epci_siren VARCHAR(9)
);

CREATE TABLE governance_elected_lead (
    siren         VARCHAR(9)   NOT NULL PRIMARY KEY,
    name          VARCHAR(300) NOT NULL,
    last_sequence BIGINT       NOT NULL
);

CREATE TABLE governance_instance (
    instance_id UUID         NOT NULL PRIMARY KEY,
    owner_id    VARCHAR(64)  NOT NULL,
    name        VARCHAR(300) NOT NULL,
    kind        VARCHAR(40)  NOT NULL,
    cadence     VARCHAR(16)  NOT NULL,
    created_on  DATE         NOT NULL
);
CREATE INDEX governance_instance_owner ON governance_instance (owner_id);

-- Sessions are kept by instance even when the instance's creation has not arrived yet.
CREATE TABLE governance_session (
    session_id     UUID        NOT NULL PRIMARY KEY,
    instance_id    UUID        NOT NULL,
    owner_id       VARCHAR(64) NOT NULL,
    held_on        DATE        NOT NULL,
    decision_count INTEGER     NOT NULL
);
CREATE INDEX governance_session_instance ON governance_session (instance_id, held_on);

-- What evaluation learns from the budget (mutualis.budget.events). Credits are a total set by each vote: the
-- newest vote (occurred_at, then sequence) wins whatever the delivery order.
CREATE TABLE budget_line (
    line_id        UUID         NOT NULL PRIMARY KEY,
    owner_id       VARCHAR(64)  NOT NULL,
    fiscal_year    INTEGER      NOT NULL,
    section        VARCHAR(16)  NOT NULL,
    chapter        VARCHAR(10),
    label          VARCHAR(300),
    project_id     UUID,
    planned_cents  BIGINT       NOT NULL DEFAULT 0,
    voted_cents    BIGINT       NOT NULL DEFAULT 0,
    voted_at       TIMESTAMPTZ,
    voted_sequence BIGINT
);
CREATE INDEX budget_line_owner ON budget_line (owner_id, fiscal_year);

CREATE TABLE budget_engagement (
    engagement_id UUID        NOT NULL PRIMARY KEY,
    line_id       UUID        NOT NULL,
    owner_id      VARCHAR(64) NOT NULL,
    fiscal_year   INTEGER     NOT NULL,
    section       VARCHAR(16) NOT NULL,
    project_id    UUID,
    amount_cents  BIGINT      NOT NULL,
    engaged_on    DATE        NOT NULL
);
CREATE INDEX budget_engagement_owner ON budget_engagement (owner_id, fiscal_year);

CREATE TABLE budget_mandate (
    mandate_id    UUID        NOT NULL PRIMARY KEY,
    engagement_id UUID        NOT NULL,
    line_id       UUID        NOT NULL,
    owner_id      VARCHAR(64) NOT NULL,
    fiscal_year   INTEGER     NOT NULL,
    section       VARCHAR(16) NOT NULL,
    project_id    UUID,
    amount_cents  BIGINT      NOT NULL,
    mandated_on   DATE        NOT NULL
);
CREATE INDEX budget_mandate_owner ON budget_mandate (owner_id, fiscal_year);
