-- Household register (internal/register): the households and imports that 0100 created under the scan's
-- prefix move to the register's own tables (issue 13: the register is its own package). Renaming keeps
-- every row. 0700–0799 belong to internal/register (internal/store/doc.go).

ALTER TABLE scan_huishouden RENAME TO register_huishouden;
ALTER TABLE scan_import RENAME TO register_import;
DROP INDEX scan_import_gemeente;
CREATE INDEX register_import_gemeente ON register_import (gemeente, gestart);
