-- An application made by an intermediary for a client (internal/aanvragen): who (name, organisation and,
-- when logged in, the user), and when the client's consent was recorded. Empty for a resident's own.
ALTER TABLE aanvragen_aanvraag ADD COLUMN intermediair_naam TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE aanvragen_aanvraag ADD COLUMN intermediair_organisatie TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE aanvragen_aanvraag ADD COLUMN intermediair_gebruiker BIGINT NOT NULL DEFAULT 0;
ALTER TABLE aanvragen_aanvraag ADD COLUMN toestemming TIMESTAMPTZ;
