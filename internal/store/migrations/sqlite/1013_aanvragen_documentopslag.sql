-- Aanvragen (internal/aanvragen): where a document's content is kept. opslag '' (and every row before
-- this migration): in the column inhoud; 'map': in a file of the installation's document directory
-- (zeker serveer --documenten-map), named bestand (a random id under the gemeente's subdirectory, never
-- derived from what the resident sent), inhoud then empty. hash is the hex SHA-256 of the content, checked
-- on every read from the directory ('' for rows before this migration).
ALTER TABLE aanvragen_document ADD COLUMN opslag TEXT NOT NULL DEFAULT '';
ALTER TABLE aanvragen_document ADD COLUMN bestand TEXT NOT NULL DEFAULT '';
ALTER TABLE aanvragen_document ADD COLUMN hash TEXT NOT NULL DEFAULT '';
