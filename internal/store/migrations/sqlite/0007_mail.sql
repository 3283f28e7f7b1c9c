-- Outgoing e-mail (internal/mail): the outbox. A message is written in the same transaction as the
-- change that causes it, and delivered by the job mail.bezorgen, which claims a row with a lease
-- (vergrendeld_tot) so several instances never send one twice. Once sent or given up, the body is
-- wiped (tekst = ''); the row itself (recipient, subject, times, status) is deleted by mail.opruimen
-- after the retention period (mail.Bewaartermijn).

CREATE TABLE mail_outbox (
    id               INTEGER PRIMARY KEY,
    gemeente         TEXT      NOT NULL DEFAULT '',      -- tenant, '' for platform mail
    soort            TEXT      NOT NULL,                 -- what caused it, e.g. netwerk.verwijzing.nieuw
    aan              TEXT      NOT NULL,
    onderwerp        TEXT      NOT NULL,
    tekst            TEXT      NOT NULL,                 -- plain text body; '' once sent or given up
    status           TEXT      NOT NULL CHECK (status IN ('wacht', 'bezig', 'verzonden', 'mislukt')),
    pogingen         INTEGER   NOT NULL DEFAULT 0,
    volgende_poging  TIMESTAMP NOT NULL,
    vergrendeld_door TEXT      NOT NULL DEFAULT '',
    vergrendeld_tot  TIMESTAMP,
    laatste_fout     TEXT      NOT NULL DEFAULT '',
    aangemaakt       TIMESTAMP NOT NULL,
    afgehandeld      TIMESTAMP                          -- sent or given up
);
CREATE INDEX mail_outbox_klaar ON mail_outbox (status, volgende_poging);
CREATE INDEX mail_outbox_gemeente ON mail_outbox (gemeente, aangemaakt);
CREATE INDEX mail_outbox_afgehandeld ON mail_outbox (afgehandeld);
