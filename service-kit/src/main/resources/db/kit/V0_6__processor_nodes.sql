-- The running instances of a service, so that they share its streaming processors' segments (ProcessorNodes).
-- Each instance refreshes its row every few seconds; a row not refreshed within the timeout is an instance gone.
CREATE TABLE kit_processor_node
(
    node_id    TEXT PRIMARY KEY,
    started_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
