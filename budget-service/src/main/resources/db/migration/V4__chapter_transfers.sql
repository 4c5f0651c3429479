-- Transfers of credits between lines (DOMAIN.md §3): each line's side in its history, the transfers of a fiscal year
-- and the rates the assembly delegated. Projections, rebuilt by replay; row-level security like every other table.

-- A line's side of each transfer, in stream order: negative on the source, positive on the receiving line.
CREATE TABLE budget_line_transfer (
    line_id             UUID        NOT NULL,
    sequence            BIGINT      NOT NULL,
    owner_id            VARCHAR(64) NOT NULL,
    transfer_id         UUID        NOT NULL,
    counterpart_line_id UUID        NOT NULL,
    delta_cents         BIGINT      NOT NULL,
    credits_cents       BIGINT      NOT NULL,
    transfer_date       DATE        NOT NULL,
    PRIMARY KEY (line_id, sequence)
);
CREATE INDEX budget_line_transfer_transfer ON budget_line_transfer (transfer_id);

CREATE TABLE credit_transfer_view (
    transfer_id   UUID         NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(64)  NOT NULL,
    fiscal_year   INTEGER      NOT NULL,
    section       VARCHAR(16)  NOT NULL,
    from_line_id  UUID         NOT NULL,
    from_chapter  VARCHAR(8)   NOT NULL,
    to_line_id    UUID         NOT NULL,
    to_chapter    VARCHAR(8)   NOT NULL,
    amount_cents  BIGINT       NOT NULL,
    counted_cents BIGINT       NOT NULL,
    reason        VARCHAR(500) NOT NULL,
    transfer_date DATE         NOT NULL,
    recorded_at   TIMESTAMPTZ  NOT NULL,
    sequence      BIGINT       NOT NULL
);
CREATE INDEX credit_transfer_view_year ON credit_transfer_view (owner_id, fiscal_year);

CREATE TABLE transfer_rate_view (
    owner_id                VARCHAR(64)  NOT NULL,
    fiscal_year             INTEGER      NOT NULL,
    investment_basis_points INTEGER      NOT NULL,
    operating_basis_points  INTEGER      NOT NULL,
    deliberation            VARCHAR(200) NOT NULL,
    rates_vote_id           UUID         NOT NULL,
    voted_at                TIMESTAMPTZ  NOT NULL,
    version                 BIGINT       NOT NULL,
    PRIMARY KEY (owner_id, fiscal_year)
);

ALTER TABLE budget_line_transfer ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_line_transfer FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON budget_line_transfer USING (kit_visible(owner_id));

ALTER TABLE credit_transfer_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE credit_transfer_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON credit_transfer_view USING (kit_visible(owner_id));

ALTER TABLE transfer_rate_view ENABLE ROW LEVEL SECURITY;
ALTER TABLE transfer_rate_view FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON transfer_rate_view USING (kit_visible(owner_id));
