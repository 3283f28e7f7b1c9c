-- Aanvragen (internal/aanvragen): a file the virus scanner refused on the status page of an application,
-- so the gemeente sees it on the application's page. Only the moment, the scanner's verdict (the virus
-- name clamd gave) and the document kind are kept: never the file, its name or its content.
CREATE TABLE aanvragen_geweigerd (
    id           INTEGER PRIMARY KEY,
    gemeente     TEXT      NOT NULL,
    aanvraag_id  BIGINT    NOT NULL REFERENCES aanvragen_aanvraag (id),
    op           TIMESTAMP NOT NULL,
    virus        TEXT      NOT NULL,
    soort        TEXT      NOT NULL DEFAULT ''
);
CREATE INDEX aanvragen_geweigerd_aanvraag ON aanvragen_geweigerd (gemeente, aanvraag_id);
