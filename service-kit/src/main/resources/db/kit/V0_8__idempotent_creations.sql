-- The Idempotency-Key of every creation (kit.creation.Creations): one row per tenant, request path and key, inserted
-- in the transaction that stores the creation's events, so that its primary key lets one creation through per key,
-- concurrent requests included, and a refused creation leaves no row. The fingerprint (SHA-256 of the request's body)
-- tells a replay from another request; location, etag and answer are the first answer, given again to a replay.
-- Read and written by exact key, the tenant's own, only.
CREATE TABLE kit_idempotent_creation (
    tenant_id       VARCHAR(64)  NOT NULL,
    request_path    TEXT         NOT NULL,
    idempotency_key VARCHAR(255) NOT NULL,
    fingerprint     CHAR(64)     NOT NULL,
    location        TEXT,
    etag            TEXT,
    answer          TEXT,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, request_path, idempotency_key)
);
