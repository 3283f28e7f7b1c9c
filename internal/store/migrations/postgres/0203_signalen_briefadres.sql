-- Briefadressen (docs/signalen.md, "Briefadres"): a postal address of people without a residential
-- address (a shelter, the gemeente office, a relative) is shared by unrelated people, so a signal there is
-- never matched to a household by the address alone (only by BSN) and never grouped with other people's
-- signals by it. The gemeente keeps its own list of known briefadressen (the settings page); the
-- household register marks them too (column briefadres of the import, docs/import.md).
CREATE TABLE signalen_briefadres (
    gemeente   TEXT COLLATE "C" NOT NULL,
    postcode   TEXT COLLATE "C" NOT NULL,
    huisnummer INTEGER NOT NULL,
    toevoeging TEXT COLLATE "C" NOT NULL DEFAULT '',
    naam       TEXT COLLATE "C" NOT NULL,
    bron       TEXT COLLATE "C" NOT NULL,
    toegevoegd TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (gemeente, postcode, huisnummer, toevoeging)
);
-- A signal whose address was a briefadres when it was matched: the case worker sees
-- "Briefadres: niet op adres gegroepeerd" on it and on its vroegsignaalzaak.
ALTER TABLE signalen_signaal ADD COLUMN briefadres INTEGER NOT NULL DEFAULT 0;
