-- The kinds of document the gemeente already has itself (for instance income through Suwinet), comma-separated
-- (internal/aanvragen DocSoort): an application never asks them.
ALTER TABLE aanvragen_instellingen ADD COLUMN al_bekend TEXT COLLATE "C" NOT NULL DEFAULT '';
