-- The élu au numérique of each collectivité (barometer criterion ELECTED_LEAD).
ALTER TABLE collectivite_view ADD COLUMN elected_lead VARCHAR(300);

-- Mutualisations as governance shows them; the visibility questions are answered by the service kit's
-- kit_mutualisation tables, which the same projection fills.
CREATE TABLE mutualisation_view (
    mutualisation_id  UUID         NOT NULL PRIMARY KEY,
    name              VARCHAR(300) NOT NULL,
    epci_siren        VARCHAR(9)   NOT NULL,
    member_sirens     TEXT         NOT NULL,
    allocation_method VARCHAR(20)  NOT NULL,
    shares            TEXT         NOT NULL,
    version           BIGINT       NOT NULL
);

-- owner_id: the tenant SIREN, or the mutualisation id of a shared instance; administering_siren manages it.
CREATE TABLE instance_view (
    instance_id         UUID         NOT NULL PRIMARY KEY,
    owner_id            VARCHAR(36)  NOT NULL,
    mutualisation_id    UUID,
    administering_siren VARCHAR(9)   NOT NULL,
    name                VARCHAR(300) NOT NULL,
    kind                VARCHAR(40)  NOT NULL,
    cadence             VARCHAR(20)  NOT NULL,
    quorum              NUMERIC(6, 5),
    members             TEXT         NOT NULL,
    created_on          DATE         NOT NULL,
    version             BIGINT       NOT NULL
);
CREATE INDEX instance_view_owner ON instance_view (owner_id);

CREATE TABLE session_view (
    session_id      UUID        NOT NULL PRIMARY KEY,
    instance_id     UUID        NOT NULL,
    owner_id        VARCHAR(36) NOT NULL,
    scheduled_at    TIMESTAMPTZ NOT NULL,
    reconvened_from UUID,
    quorum_waived   BOOLEAN     NOT NULL,
    agenda          TEXT        NOT NULL,
    present         TEXT        NOT NULL,
    quorum_reached  BOOLEAN     NOT NULL,
    status          VARCHAR(10) NOT NULL,
    held_on         DATE,
    minutes         TEXT,
    closed_at       TIMESTAMPTZ
);
CREATE INDEX session_view_instance ON session_view (instance_id, scheduled_at);
CREATE INDEX session_view_owner ON session_view (owner_id);

-- The decision register: every decision, provisional until its séance closes (final = true).
CREATE TABLE decision_view (
    decision_id      UUID         NOT NULL PRIMARY KEY,
    session_id       UUID         NOT NULL,
    instance_id      UUID         NOT NULL,
    owner_id         VARCHAR(36)  NOT NULL,
    instance_name    VARCHAR(300) NOT NULL,
    instance_kind    VARCHAR(40)  NOT NULL,
    agenda_item_id   UUID         NOT NULL,
    agenda_item_kind VARCHAR(40)  NOT NULL,
    title            VARCHAR(500) NOT NULL,
    subject_id       VARCHAR(100),
    amounts          TEXT         NOT NULL,
    outcome          VARCHAR(10)  NOT NULL,
    votes_for        INT          NOT NULL,
    votes_against    INT          NOT NULL,
    abstentions      INT          NOT NULL,
    voting_members   INT          NOT NULL,
    voting_present   INT          NOT NULL,
    secret_ballot    BOOLEAN      NOT NULL,
    chair_casting    BOOLEAN      NOT NULL,
    decided_on       DATE         NOT NULL,
    final            BOOLEAN      NOT NULL
);
CREATE INDEX decision_view_owner ON decision_view (owner_id, decided_on);
CREATE INDEX decision_view_instance ON decision_view (instance_id);
