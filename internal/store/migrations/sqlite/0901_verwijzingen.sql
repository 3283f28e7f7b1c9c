-- Referrals (verwijzingen, internal/netwerk verwijzing*.go) between the gemeente and a partner, both
-- ways. Personal data: the resident's name and contact and the question, only what the receiver needs;
-- no BSN. Every query filters on gemeente; a partner user reads only rows with its own partner_id.
-- The legal ground is the resident's consent (what, when; withdrawable: ingetrokken set hides the data
-- from the receiver) or the gemeente's legal task with its article. Status changes are kept with their
-- time in netwerk_verwijzing_status, so the monitor can count them.

CREATE TABLE netwerk_verwijzing (
    id               INTEGER PRIMARY KEY,
    gemeente         TEXT      NOT NULL REFERENCES tenants (code),
    richting         TEXT      NOT NULL CHECK (richting IN ('naar_partner', 'naar_gemeente')),
    partner_id       TEXT      NOT NULL REFERENCES partner_organisatie (id), -- the receiver or the sender
    bron             TEXT      NOT NULL CHECK (bron IN ('zaak', 'vroegsignaalzaak', 'check', 'partner')),
    bron_id          BIGINT    NOT NULL DEFAULT 0,  -- the zaak or vroegsignaalzaak (gemeente side); 0 otherwise
    door             BIGINT    NOT NULL,            -- user id of the sender
    aangemaakt       TIMESTAMP NOT NULL,
    inwoner_naam     TEXT      NOT NULL,
    inwoner_telefoon TEXT      NOT NULL DEFAULT '',
    inwoner_email    TEXT      NOT NULL DEFAULT '',
    behoefte         TEXT      NOT NULL,            -- a code of netwerk.Behoeften
    vraag            TEXT      NOT NULL,            -- what the receiver needs to know
    grondslag        TEXT      NOT NULL CHECK (grondslag IN ('toestemming', 'wettelijke_taak')),
    toestemming_wat  TEXT      NOT NULL DEFAULT '', -- consent: which data, to whom (the receiver)
    toestemming_op   TEXT      NOT NULL DEFAULT '', -- consent: the day it was given, 'YYYY-MM-DD'
    ingetrokken      TIMESTAMP,                     -- consent withdrawn: the data are hidden from the receiver
    artikel          TEXT      NOT NULL DEFAULT '', -- legal task: the article (netwerk.Artikelen)
    contactmoment    TIMESTAMP,                     -- warm hand-over: the booked moment of contact
    contact_waar     TEXT      NOT NULL DEFAULT '',
    status           TEXT      NOT NULL,
    status_op        TIMESTAMP NOT NULL,
    antwoord_voor    TEXT      NOT NULL DEFAULT '', -- the last working day for an answer; '' without a setting
    reden            TEXT      NOT NULL DEFAULT ''  -- reason of a decline, or the last report's note
);
CREATE INDEX netwerk_verwijzing_gm ON netwerk_verwijzing (gemeente, partner_id, status);
CREATE INDEX netwerk_verwijzing_bron ON netwerk_verwijzing (gemeente, bron, bron_id);

CREATE TABLE netwerk_verwijzing_status (
    id            INTEGER PRIMARY KEY,
    gemeente      TEXT      NOT NULL REFERENCES tenants (code),
    verwijzing_id BIGINT    NOT NULL REFERENCES netwerk_verwijzing (id) ON DELETE CASCADE,
    status        TEXT      NOT NULL,
    op            TIMESTAMP NOT NULL,
    door          BIGINT    NOT NULL,
    toelichting   TEXT      NOT NULL DEFAULT ''
);
CREATE INDEX netwerk_verwijzing_status_vw ON netwerk_verwijzing_status (gemeente, verwijzing_id);

-- Per gemeente: within how many working days a receiver should answer. No row: no overdue list.
CREATE TABLE netwerk_verwijzing_instellingen (
    gemeente           TEXT      NOT NULL PRIMARY KEY REFERENCES tenants (code),
    antwoord_werkdagen INTEGER   NOT NULL,
    gewijzigd          TIMESTAMP NOT NULL
);
