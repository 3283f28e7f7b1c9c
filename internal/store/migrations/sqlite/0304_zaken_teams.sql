-- Zaken: teams of case workers per gemeente (a teamleider makes them and gives zaken to a team), and the
-- team of a zaak (0 = none) for the worklist's team filter and the team's deadlines.
CREATE TABLE zaken_team (
    id         INTEGER   PRIMARY KEY,
    gemeente   TEXT      NOT NULL,
    naam       TEXT      NOT NULL,
    aangemaakt TIMESTAMP NOT NULL
);
CREATE UNIQUE INDEX zaken_team_naam ON zaken_team (gemeente, naam);

CREATE TABLE zaken_teamlid (
    gemeente     TEXT   NOT NULL,
    team_id      BIGINT NOT NULL REFERENCES zaken_team (id),
    gebruiker_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    naam         TEXT   NOT NULL DEFAULT '',
    PRIMARY KEY (team_id, gebruiker_id)
);
CREATE INDEX zaken_teamlid_gemeente ON zaken_teamlid (gemeente, team_id);

ALTER TABLE zaken_zaak ADD COLUMN team_id BIGINT NOT NULL DEFAULT 0;
CREATE INDEX zaken_zaak_team ON zaken_zaak (gemeente, open, team_id, volgende_deadline, id);
