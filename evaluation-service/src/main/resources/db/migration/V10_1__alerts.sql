-- Alerts (DOMAIN §9), issue 21. alert_view is the projection of the Alert aggregates' events; the other tables are
-- what the rules read that evaluation did not keep yet.

CREATE TABLE alert_view (
    alert_id      UUID          NOT NULL PRIMARY KEY,
    kind          VARCHAR(32)   NOT NULL,
    owner_id      VARCHAR(64)   NOT NULL,
    subject_kind  VARCHAR(16)   NOT NULL,
    subject_id    VARCHAR(100)  NOT NULL,
    -- What the alert is about within its subject (a milestone of a project, the subject itself most often): one open
    -- alert per kind and cause.
    cause_key     VARCHAR(200)  NOT NULL,
    subject_label VARCHAR(300)  NOT NULL,
    since         TIMESTAMPTZ   NOT NULL,
    until         TIMESTAMPTZ,
    detail        VARCHAR(1000) NOT NULL,
    end_reason    VARCHAR(1000)
);
CREATE INDEX alert_view_owner ON alert_view (owner_id, until, since DESC);
CREATE INDEX alert_view_cause ON alert_view (kind, cause_key);
CREATE INDEX alert_view_subject ON alert_view (subject_id);

-- Owners whose alerts may have changed, marked in the transaction of the change and drained by the alert engine.
CREATE TABLE alert_pending (
    owner_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    marked_at TIMESTAMPTZ NOT NULL
);

-- A tenant's thresholds; none stored means the defaults of DOMAIN §9.
CREATE TABLE alert_settings (
    owner_id         VARCHAR(64) NOT NULL PRIMARY KEY,
    credits_percent  INTEGER     NOT NULL,
    mandated_percent INTEGER     NOT NULL
);

-- Séances as convened (governance.SessionScheduled), before they close.
CREATE TABLE governance_session_scheduled (
    session_id    UUID        NOT NULL PRIMARY KEY,
    instance_id   UUID        NOT NULL,
    owner_id      VARCHAR(64) NOT NULL,
    instance_kind VARCHAR(40) NOT NULL,
    scheduled_at  TIMESTAMPTZ NOT NULL,
    convened_at   DATE        NOT NULL,
    urgent        BOOLEAN     NOT NULL
);
CREATE INDEX governance_session_scheduled_owner ON governance_session_scheduled (owner_id);

-- Approved decisions that portfolio or budget could not apply (portfolio.DecisionNotApplied, budget.DecisionNotApplied:
-- one per budget line of an arbitration); an item without subject has ''.
CREATE TABLE decision_not_applied (
    decision_id      UUID         NOT NULL,
    owner_id         VARCHAR(64)  NOT NULL,
    agenda_item_kind VARCHAR(40)  NOT NULL,
    subject_id       VARCHAR(100) NOT NULL,
    reason           VARCHAR(40)  NOT NULL,
    noted_at         TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (decision_id, subject_id)
);
CREATE INDEX decision_not_applied_owner ON decision_not_applied (owner_id);

-- What CP_SHORTFALL reads of the budget's programmes (AP/CP): each programme's label and latest CP schedule (the
-- revision that set it: an older revision arriving late never replaces a newer one), what was engaged and mandated
-- under it. Rows of engagements and mandates are kept even before their programme arrives.
CREATE TABLE budget_programme (
    programme_id UUID         NOT NULL PRIMARY KEY,
    owner_id     VARCHAR(64)  NOT NULL,
    label        VARCHAR(300),
    revision     INTEGER      NOT NULL
);
CREATE INDEX budget_programme_owner ON budget_programme (owner_id);

CREATE TABLE budget_programme_cp (
    programme_id UUID        NOT NULL,
    owner_id     VARCHAR(64) NOT NULL,
    year         INTEGER     NOT NULL,
    amount_cents BIGINT      NOT NULL,
    PRIMARY KEY (programme_id, year)
);

CREATE TABLE budget_programme_engagement (
    engagement_id UUID        NOT NULL PRIMARY KEY,
    programme_id  UUID        NOT NULL,
    owner_id      VARCHAR(64) NOT NULL,
    amount_cents  BIGINT      NOT NULL
);
CREATE INDEX budget_programme_engagement_programme ON budget_programme_engagement (programme_id);

CREATE TABLE budget_programme_mandate (
    mandate_id   UUID        NOT NULL PRIMARY KEY,
    programme_id UUID        NOT NULL,
    owner_id     VARCHAR(64) NOT NULL,
    year         INTEGER     NOT NULL,
    amount_cents BIGINT      NOT NULL
);
CREATE INDEX budget_programme_mandate_programme ON budget_programme_mandate (programme_id);

DO
$$
    DECLARE
        protected TEXT;
    BEGIN
        FOREACH protected IN ARRAY ARRAY ['alert_view', 'alert_pending', 'alert_settings',
            'governance_session_scheduled', 'decision_not_applied', 'budget_programme', 'budget_programme_cp',
            'budget_programme_engagement', 'budget_programme_mandate']
            LOOP
                EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', protected);
                EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', protected);
                EXECUTE format('CREATE POLICY tenant_wall ON %I USING (kit_visible(owner_id))', protected);
            END LOOP;
    END
$$;
