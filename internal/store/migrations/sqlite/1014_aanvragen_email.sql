-- Aanvragen (internal/aanvragen): the e-mail address the resident (or the intermediary, for the client) gave
-- with the application, optional ('' when none), checked with mail.GeldigAdres. The code is mailed to it
-- once, and content-free notices after that (docs/aanvragen.md "Mail"). It goes with the row when the
-- retention job deletes the application.
ALTER TABLE aanvragen_aanvraag ADD COLUMN email TEXT NOT NULL DEFAULT '';
