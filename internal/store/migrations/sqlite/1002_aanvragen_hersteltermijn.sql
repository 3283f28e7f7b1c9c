-- The hersteltermijn of a request for a missing document (Awb 4:5): the last day the resident can send it
-- ('' = none set: the request came from the engine's open criteria at the start). Only after it passed may
-- the application be decided buiten behandeling.
ALTER TABLE aanvragen_gevraagd ADD COLUMN herstel_tot TEXT NOT NULL DEFAULT '';
