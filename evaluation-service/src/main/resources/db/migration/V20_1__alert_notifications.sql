-- E-mail notifications of alerts (package notification, issue 21).

-- Who hears of which kind of alert in which tenant, and how. A person is a token's sub; the address is the token's
-- email when they subscribed.
CREATE TABLE alert_subscription (
    person_id  VARCHAR(200) NOT NULL,
    tenant_id  VARCHAR(9)   NOT NULL,
    kind       VARCHAR(40)  NOT NULL,
    mode       VARCHAR(16)  NOT NULL CHECK (mode IN ('IMMEDIATE', 'DAILY_DIGEST')),
    email      VARCHAR(320) NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (person_id, tenant_id, kind)
);
CREATE INDEX alert_subscription_by_tenant_and_kind ON alert_subscription (tenant_id, kind);


-- The alerts as the notifier heard of them, whatever the order AlertRaised and AlertEnded arrive in: what the mails
-- say. raised_on is the day (Paris) the alert was raised, the day whose digest lists it.
CREATE TABLE notified_alert (
    alert_id      UUID         NOT NULL PRIMARY KEY,
    kind          VARCHAR(40),
    owner_id      VARCHAR(36),
    subject_kind  VARCHAR(20),
    subject_id    VARCHAR(100),
    subject_label VARCHAR(500),
    since         TIMESTAMPTZ,
    detail        TEXT,
    raised_at     TIMESTAMPTZ,
    ended_at      TIMESTAMPTZ,
    end_reason    TEXT
);

-- One delivery per alert and person (the unique key that makes a redelivered or republished alert send nothing more):
-- PENDING until the SMTP server accepted the mail that carries it, then SENT. An immediate delivery is its own mail
-- and counts its attempts; a digest one rides in the mail of its person and digest_day (alert_digest).
CREATE TABLE alert_delivery (
    alert_id        UUID         NOT NULL REFERENCES notified_alert (alert_id),
    person_id       VARCHAR(200) NOT NULL,
    tenant_id       VARCHAR(9)   NOT NULL,
    email           VARCHAR(320) NOT NULL,
    mode            VARCHAR(16)  NOT NULL CHECK (mode IN ('IMMEDIATE', 'DAILY_DIGEST')),
    digest_day      DATE,
    status          VARCHAR(8)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ,
    PRIMARY KEY (alert_id, person_id),
    CHECK ((mode = 'DAILY_DIGEST') = (digest_day IS NOT NULL))
);
CREATE INDEX alert_delivery_due ON alert_delivery (next_attempt_at) WHERE status = 'PENDING' AND mode = 'IMMEDIATE';
CREATE INDEX alert_delivery_by_digest ON alert_delivery (person_id, digest_day) WHERE mode = 'DAILY_DIGEST';

-- One digest mail per person and day, sent once that day is over (at the configured hour, Paris time).
CREATE TABLE alert_digest (
    person_id       VARCHAR(200) NOT NULL,
    digest_day      DATE         NOT NULL,
    email           VARCHAR(320) NOT NULL,
    status          VARCHAR(8)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT')),
    attempts        INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    last_error      TEXT,
    sent_at         TIMESTAMPTZ,
    PRIMARY KEY (person_id, digest_day)
);
CREATE INDEX alert_digest_due ON alert_digest (digest_day) WHERE status = 'PENDING';

-- The tenant wall of V3 (a request sees its tenant's rows only; the notifier, without a request tenant, sees them all).
ALTER TABLE alert_subscription ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_subscription FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON alert_subscription USING (kit_visible(tenant_id));
ALTER TABLE notified_alert ENABLE ROW LEVEL SECURITY;
ALTER TABLE notified_alert FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON notified_alert USING (kit_visible(owner_id));
ALTER TABLE alert_delivery ENABLE ROW LEVEL SECURITY;
ALTER TABLE alert_delivery FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON alert_delivery USING (kit_visible(tenant_id));
