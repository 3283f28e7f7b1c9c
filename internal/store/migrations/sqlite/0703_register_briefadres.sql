-- Briefadres (docs/import.md, docs/signalen.md): the import's optional columns huisnummer, toevoeging and
-- briefadres are stored with the household in gegevens (its CSV line). The address of a household at a
-- briefadres is also kept here ("postcode|huisnummer|toevoeging", '' for a woonadres or not known), so the
-- settings page of vroegsignalering lists the register's briefadressen without parsing every household.
-- Households stored before have no briefadres.
ALTER TABLE register_huishouden ADD COLUMN briefadres TEXT NOT NULL DEFAULT '';
CREATE INDEX register_huishouden_briefadres ON register_huishouden (gemeente, briefadres) WHERE briefadres <> '';
