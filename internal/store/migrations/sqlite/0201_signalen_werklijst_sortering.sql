-- The worklist's other orders (opslag.Sortering), each served from an index as the priority order is
-- (signalen_zaak_werklijst per status, signalen_zaak_prioriteit over all statuses), so a page reads
-- only its own rows instead of sorting all zaken of the gemeente (measured on SQLite: "alle zaken,
-- nieuwste eerst" 111 ms with a sort, docs/signalen-web.md). Every order ends with the id, so paging
-- is stable.
-- Nieuwste eerst (read backwards) and oudste eerst.
CREATE INDEX signalen_zaak_ontvangst ON signalen_zaak (gemeente, status, eerste_ontvangst, id);
CREATE INDEX signalen_zaak_ontvangst_alle ON signalen_zaak (gemeente, eerste_ontvangst, id);
-- Hoogste bedrag eerst.
CREATE INDEX signalen_zaak_bedrag ON signalen_zaak (gemeente, status, bedrag_cent DESC, id);
CREATE INDEX signalen_zaak_bedrag_alle ON signalen_zaak (gemeente, bedrag_cent DESC, id);
-- Vroegste crisistermijn eerst, zaken zonder termijn (crisis = 0) daarna.
CREATE INDEX signalen_zaak_deadline ON signalen_zaak (gemeente, status, crisis DESC, crisis_deadline, id);
CREATE INDEX signalen_zaak_deadline_alle ON signalen_zaak (gemeente, crisis DESC, crisis_deadline, id);
