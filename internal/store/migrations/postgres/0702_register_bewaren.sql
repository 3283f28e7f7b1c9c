-- Issue 14, defect 9: imported households were kept forever. An import is a snapshot of the gemeente's
-- households; a tenant keeps the last N snapshots (whatever their age) and older ones up to a maximum
-- age. Deleting a snapshot deletes the households that no later import contained; its non-personal
-- counts, written when it was imported, stay for the monitor's time series.

-- The last import that contained the household (its snapshot); import_id stays the last that changed it.
ALTER TABLE register_huishouden ADD COLUMN gezien BIGINT NOT NULL DEFAULT 0;
UPDATE register_huishouden SET gezien = import_id;
CREATE INDEX register_huishouden_gezien ON register_huishouden (gemeente, gezien);

ALTER TABLE register_import ADD COLUMN peildatum TEXT NOT NULL DEFAULT '';  -- jjjj-mm-dd, the validation date
ALTER TABLE register_import ADD COLUMN opgeruimd TIMESTAMPTZ;                       -- when its snapshot was deleted

CREATE TABLE register_instellingen (
    gemeente         TEXT    NOT NULL PRIMARY KEY,
    bewaar_snapshots INTEGER NOT NULL DEFAULT 2 CHECK (bewaar_snapshots >= 1),  -- kept whatever their age
    bewaar_dagen     INTEGER NOT NULL DEFAULT 365 CHECK (bewaar_dagen >= 1)     -- maximum age of older ones
);

-- Counts of households per snapshot (no household ids, no persons): per woonplaats, per regeling
-- received, per income source, age band and composition, and the total (dimensie 'totaal', groep '').
CREATE TABLE register_tijdreeks (
    gemeente    TEXT   NOT NULL,
    import_id   BIGINT NOT NULL,
    peildatum   TEXT   NOT NULL,
    dimensie    TEXT   NOT NULL,
    groep       TEXT   NOT NULL,
    huishoudens BIGINT NOT NULL,
    PRIMARY KEY (gemeente, import_id, dimensie, groep)
);
