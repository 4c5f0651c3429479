-- Votes and the spending chain on budget lines, programmes (AP/CP), shared-cost allocations, and what the budget
-- learns from governance. The *_view tables are projections rebuilt by replay; engagement_registry is write-side.
ALTER TABLE budget_line_view ADD COLUMN programme_id UUID;
ALTER TABLE budget_line_view ADD COLUMN last_stage VARCHAR(2);

-- The credit history of a line: one row per vote, in stream order.
CREATE TABLE budget_line_credit (
    line_id        UUID        NOT NULL,
    sequence       BIGINT      NOT NULL,
    owner_id       VARCHAR(64) NOT NULL,
    vote_id        UUID        NOT NULL,
    stage          VARCHAR(2)  NOT NULL,
    credits_cents  BIGINT      NOT NULL,
    previous_cents BIGINT      NOT NULL,
    voted_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (line_id, sequence)
);

CREATE TABLE engagement_view (
    engagement_id   UUID         NOT NULL PRIMARY KEY,
    line_id         UUID         NOT NULL,
    owner_id        VARCHAR(64)  NOT NULL,
    programme_id    UUID,
    amount_cents    BIGINT       NOT NULL,
    mandated_cents  BIGINT       NOT NULL DEFAULT 0,
    reference       VARCHAR(100) NOT NULL,
    engagement_date DATE         NOT NULL
);
CREATE INDEX engagement_view_line ON engagement_view (line_id);

CREATE TABLE mandate_view (
    mandate_id    UUID         NOT NULL PRIMARY KEY,
    engagement_id UUID         NOT NULL,
    line_id       UUID         NOT NULL,
    owner_id      VARCHAR(64)  NOT NULL,
    amount_cents  BIGINT       NOT NULL,
    reference     VARCHAR(100) NOT NULL,
    mandate_date  DATE         NOT NULL
);
CREATE INDEX mandate_view_engagement ON mandate_view (engagement_id);

-- Write side: a mandate names only its engagement; this routes it to the line that guards the engagement. Written
-- in the transaction that stores the engagement, so it is never behind.
CREATE TABLE engagement_registry (
    engagement_id UUID        NOT NULL PRIMARY KEY,
    line_id       UUID        NOT NULL,
    owner_id      VARCHAR(64) NOT NULL
);

CREATE TABLE programme_view (
    programme_id  UUID         NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)  NOT NULL,
    label         VARCHAR(300) NOT NULL,
    chapter       VARCHAR(8)   NOT NULL,
    section       VARCHAR(16)  NOT NULL,
    project_id    UUID,
    amount_cents  BIGINT       NOT NULL,
    engaged_cents BIGINT       NOT NULL DEFAULT 0,
    revision      INTEGER      NOT NULL DEFAULT 0,
    version       BIGINT       NOT NULL
);
CREATE INDEX programme_view_owner ON programme_view (owner_id);

CREATE TABLE programme_schedule (
    programme_id   UUID    NOT NULL,
    year           INTEGER NOT NULL,
    cp_cents       BIGINT  NOT NULL,
    mandated_cents BIGINT  NOT NULL DEFAULT 0,
    PRIMARY KEY (programme_id, year)
);

-- Revision 0 is the initial authorisation; schedule is the JSON array [{year, amountCents}] of that revision.
CREATE TABLE programme_revision (
    programme_id UUID         NOT NULL,
    revision     INTEGER      NOT NULL,
    amount_cents BIGINT       NOT NULL,
    schedule     TEXT         NOT NULL,
    reason       VARCHAR(1000),
    decision_id  UUID,
    revised_at   TIMESTAMPTZ  NOT NULL,
    revised_by   VARCHAR(300),
    PRIMARY KEY (programme_id, revision)
);

-- The current split of a mutualisation's cost per fiscal year; sequence guards replays against older splits.
CREATE TABLE cost_allocation_view (
    mutualisation_id UUID          NOT NULL,
    fiscal_year      INTEGER       NOT NULL,
    siren            CHAR(9)       NOT NULL,
    epci_siren       CHAR(9)       NOT NULL,
    cost_cents       BIGINT        NOT NULL,
    method           VARCHAR(20)   NOT NULL,
    weight           NUMERIC(24, 6) NOT NULL,
    amount_cents     BIGINT        NOT NULL,
    sequence         BIGINT        NOT NULL,
    PRIMARY KEY (mutualisation_id, fiscal_year, siren)
);

-- Learnt from governance's events (not projections of this service's event store).
CREATE TABLE collectivite (
    siren      CHAR(9)      NOT NULL PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    population BIGINT       NOT NULL,
    epci_siren CHAR(9)
);

CREATE TABLE mutualisation_share (
    mutualisation_id UUID          NOT NULL,
    siren            CHAR(9)       NOT NULL,
    percent          NUMERIC(12, 6) NOT NULL,
    PRIMARY KEY (mutualisation_id, siren)
);

-- Amounts arbitrated by approved BUDGET_ARBITRATION decisions, keyed by decision: stored whether or not the line is
-- known yet (order tolerant), shown only on a line of the decision's owner.
CREATE TABLE line_arbitration (
    decision_id  UUID         NOT NULL,
    line_id      UUID         NOT NULL,
    owner_id     VARCHAR(64)  NOT NULL,
    amount_cents BIGINT       NOT NULL,
    decided_on   DATE,
    title        VARCHAR(500),
    PRIMARY KEY (decision_id, line_id)
);
CREATE INDEX line_arbitration_line ON line_arbitration (line_id);
