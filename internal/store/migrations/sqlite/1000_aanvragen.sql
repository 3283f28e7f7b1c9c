-- Aanvragen (internal/aanvragen): a resident's application for one or more regelingen, its documents,
-- the requests for missing documents, notes, the decision per regeling and the letter. Every row carries
-- its gemeente; every query filters on it. Dates are ISO text 'YYYY-MM-DD' ('' = none); amounts integer
-- euro cents. 1000–1099 belong to internal/aanvragen (internal/store/doc.go).

-- The settings of a gemeente: the Awb decision term (default 8 weeks, Awb art. 4:13 lid 2), the amount
-- above which a second case worker must approve a decision (NULL: no four-eyes), its source.
CREATE TABLE aanvragen_instellingen (
    gemeente          TEXT    NOT NULL PRIMARY KEY,
    beslis_aantal     INTEGER NOT NULL DEFAULT 8,
    beslis_eenheid    TEXT    NOT NULL DEFAULT 'weken',
    beslis_bron       TEXT    NOT NULL DEFAULT '',
    vier_ogen_cent    BIGINT,
    versie            INTEGER NOT NULL DEFAULT 1
);

-- One application. referentie is public (on the letter), code_hash the SHA-256 of the secret code (the
-- code itself is never stored). deadline is the stored decision deadline (termijn.Bereken), the inbox's
-- order. status: nieuw, ontbreekt, te_beslissen, besloten. huishouden: the answers of the check as a
-- huishouden.Huishouden (JSON), re-evaluated on the decision date. register_id: the household of the
-- register the case worker linked (''= not linked; no decision before). formulier: the id of the form
-- that created it, so a form sent twice creates one application.
CREATE TABLE aanvragen_aanvraag (
    id               INTEGER PRIMARY KEY,
    gemeente         TEXT      NOT NULL,
    referentie       TEXT      NOT NULL,
    code_hash        BLOB      NOT NULL,
    formulier        TEXT      NOT NULL,
    status           TEXT      NOT NULL,
    ontvangen        TIMESTAMP NOT NULL,
    ontvangen_dag    TEXT      NOT NULL,
    deadline         TEXT      NOT NULL,
    deadline_uitleg  TEXT      NOT NULL DEFAULT '',
    woonplaats       TEXT      NOT NULL DEFAULT '',
    taal             TEXT      NOT NULL DEFAULT 'nl',
    huishouden       TEXT      NOT NULL,
    antwoorden       TEXT      NOT NULL DEFAULT '',
    register_id      TEXT      NOT NULL DEFAULT '',
    gekoppeld_door   TEXT      NOT NULL DEFAULT '',
    besloten_op      TEXT      NOT NULL DEFAULT '',
    versie           INTEGER   NOT NULL DEFAULT 1
);
CREATE UNIQUE INDEX aanvragen_aanvraag_referentie ON aanvragen_aanvraag (referentie);
CREATE UNIQUE INDEX aanvragen_aanvraag_formulier ON aanvragen_aanvraag (gemeente, formulier);
CREATE INDEX aanvragen_aanvraag_inbox ON aanvragen_aanvraag (gemeente, status, deadline, id);
CREATE INDEX aanvragen_aanvraag_woonplaats ON aanvragen_aanvraag (gemeente, status, woonplaats, deadline, id);
CREATE INDEX aanvragen_aanvraag_deadline ON aanvragen_aanvraag (gemeente, deadline, id);

-- A regeling applied for, with the status and deadline of its application copied in (kept equal in the
-- same transaction) so the inbox with a regeling filter is served by one index. besluit: '' (open),
-- toekennen, afwijzen, buiten_behandeling; bedrag_cent NULL when unknown. oordeel_bij_aanvraag: the
-- check's outcome when applied (recht, onzeker).
CREATE TABLE aanvragen_regeling (
    id                    INTEGER PRIMARY KEY,
    gemeente              TEXT    NOT NULL,
    aanvraag_id           BIGINT  NOT NULL REFERENCES aanvragen_aanvraag (id),
    regeling              TEXT    NOT NULL,
    naam                  TEXT    NOT NULL,
    oordeel_bij_aanvraag  TEXT    NOT NULL,
    status                TEXT    NOT NULL,
    deadline              TEXT    NOT NULL,
    besluit               TEXT    NOT NULL DEFAULT '',
    bedrag_cent           BIGINT,
    bedrag_engine_cent    BIGINT,
    periode               TEXT    NOT NULL DEFAULT '',
    ingang                TEXT    NOT NULL DEFAULT '',
    einde                 TEXT    NOT NULL DEFAULT '',
    reden_wijziging       TEXT    NOT NULL DEFAULT '',
    motivering            TEXT    NOT NULL DEFAULT '',
    besloten_op           TEXT    NOT NULL DEFAULT '',
    besloten_door         TEXT    NOT NULL DEFAULT '',
    voorgesteld_door      TEXT    NOT NULL DEFAULT '',
    voorgesteld_door_id   BIGINT  NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX aanvragen_regeling_uniek ON aanvragen_regeling (aanvraag_id, regeling);
CREATE INDEX aanvragen_regeling_inbox ON aanvragen_regeling (gemeente, regeling, status, deadline, aanvraag_id);
CREATE INDEX aanvragen_regeling_export ON aanvragen_regeling (gemeente, besluit, besloten_op);

-- A document the application needs (from the engine's open criteria, or asked by a case worker) and,
-- once it came, the document that answers it.
CREATE TABLE aanvragen_gevraagd (
    id            INTEGER PRIMARY KEY,
    gemeente      TEXT      NOT NULL,
    aanvraag_id   BIGINT    NOT NULL REFERENCES aanvragen_aanvraag (id),
    soort         TEXT      NOT NULL,
    omschrijving  TEXT      NOT NULL DEFAULT '',
    gevraagd      TIMESTAMP NOT NULL,
    door          TEXT      NOT NULL DEFAULT '',
    document_id   BIGINT    NOT NULL DEFAULT 0
);
CREATE INDEX aanvragen_gevraagd_aanvraag ON aanvragen_gevraagd (gemeente, aanvraag_id);

-- An uploaded document: its type checked by content (pdf, jpeg, png), stored with the tenant.
CREATE TABLE aanvragen_document (
    id           INTEGER PRIMARY KEY,
    gemeente     TEXT      NOT NULL,
    aanvraag_id  BIGINT    NOT NULL REFERENCES aanvragen_aanvraag (id),
    soort        TEXT      NOT NULL DEFAULT '',
    naam         TEXT      NOT NULL,
    mime         TEXT      NOT NULL,
    grootte      BIGINT    NOT NULL,
    inhoud       BLOB      NOT NULL,
    ontvangen    TIMESTAMP NOT NULL
);
CREATE INDEX aanvragen_document_aanvraag ON aanvragen_document (gemeente, aanvraag_id);

-- A case worker's note.
CREATE TABLE aanvragen_notitie (
    id           INTEGER PRIMARY KEY,
    gemeente     TEXT      NOT NULL,
    aanvraag_id  BIGINT    NOT NULL REFERENCES aanvragen_aanvraag (id),
    tekst        TEXT      NOT NULL,
    door         TEXT      NOT NULL,
    op           TIMESTAMP NOT NULL
);
CREATE INDEX aanvragen_notitie_aanvraag ON aanvragen_notitie (gemeente, aanvraag_id);

-- The decision letter as sent (print-ready HTML), one per decision moment.
CREATE TABLE aanvragen_brief (
    id           INTEGER PRIMARY KEY,
    gemeente     TEXT      NOT NULL,
    aanvraag_id  BIGINT    NOT NULL REFERENCES aanvragen_aanvraag (id),
    html         TEXT      NOT NULL,
    gemaakt      TIMESTAMP NOT NULL
);
CREATE INDEX aanvragen_brief_aanvraag ON aanvragen_brief (gemeente, aanvraag_id);

-- A wrong code for a reference (the rate limit of the status page): counted per reference in a window.
CREATE TABLE aanvragen_poging (
    id           INTEGER PRIMARY KEY,
    gemeente     TEXT      NOT NULL,
    aanvraag_id  BIGINT    NOT NULL REFERENCES aanvragen_aanvraag (id),
    op           TIMESTAMP NOT NULL
);
CREATE INDEX aanvragen_poging_aanvraag ON aanvragen_poging (aanvraag_id, op);
