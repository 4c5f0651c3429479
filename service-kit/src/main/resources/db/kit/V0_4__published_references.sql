-- What other services published about the objects a write may reference (a project named by a budget line, a roadmap
-- named by an agenda item...): its id, its kind and its owner (a SIREN or a mutualisation id), filled by the kit's
-- PublishedReferencesListener. Keyed by the object's id, so one row whatever the number of deliveries; the owner decides
-- visibility like every read model: a request only sees rows of its tenant and of its mutualisations (kit_visible),
-- the consumer (no tenant) writes them all.
CREATE TABLE kit_published_reference (
    reference_id UUID        NOT NULL PRIMARY KEY,
    kind         VARCHAR(40) NOT NULL,
    owner_id     VARCHAR(64) NOT NULL,
    recorded_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

ALTER TABLE kit_published_reference ENABLE ROW LEVEL SECURITY;
ALTER TABLE kit_published_reference FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_wall ON kit_published_reference USING (kit_visible(owner_id));
