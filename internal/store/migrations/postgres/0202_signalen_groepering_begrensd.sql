-- Bounded grouping (internal/signalen, Groepeerder.Plaats): a zaak holds the signals of at most
-- max_inwoners_adres residents (a setting of the gemeente; default 10, docs/signalen.md); a signal about
-- one more resident gets a zaak of its own and both zaken are marked for review (beoordelen) with the
-- reason in plain Dutch (beoordeling), which the worklist shows and filters on.
ALTER TABLE signalen_instellingen ADD COLUMN max_inwoners_adres INTEGER NOT NULL DEFAULT 10;
ALTER TABLE signalen_zaak ADD COLUMN beoordelen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE signalen_zaak ADD COLUMN beoordeling TEXT NOT NULL DEFAULT '';
-- The worklist filter "alleen ter beoordeling" and the count of zaken waiting for review.
CREATE INDEX signalen_zaak_beoordelen ON signalen_zaak (gemeente, beoordelen, status);
-- The zaak page reads one page of a zaak's signals in id order (LIMIT/OFFSET): with the id in the
-- index PostgreSQL reads just that page instead of sorting all signals of the zaak. It replaces the
-- index on (gemeente, zaak_id), of which it is an extension.
CREATE INDEX signalen_signaal_zaak_id ON signalen_signaal (gemeente, zaak_id, id);
DROP INDEX signalen_signaal_zaak;
