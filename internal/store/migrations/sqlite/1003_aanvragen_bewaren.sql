-- Retention of decided applications (internal/aanvragen), months after the decision per setting of the
-- gemeente: the documents' content, and the whole application. 0 = not set: nothing is deleted.
ALTER TABLE aanvragen_instellingen ADD COLUMN bewaar_documenten INTEGER NOT NULL DEFAULT 0;
ALTER TABLE aanvragen_instellingen ADD COLUMN bewaar_aanvraag INTEGER NOT NULL DEFAULT 0;
CREATE INDEX aanvragen_aanvraag_besloten ON aanvragen_aanvraag (gemeente, status, besloten_op);
