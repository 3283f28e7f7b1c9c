-- Platform (internal/auth): the debt-help roles schuldhulpverlener, regisseur and teamleider (issue 17).
-- The role CHECKs of user_roles (0001) and invitations (0005) get the new names. SQLite cannot change a
-- CHECK, so both tables are rebuilt with their rows. Nothing references user_roles; invitations is
-- referenced only by partner_uitnodiging (0802), which the runner applies after this version (ascending
-- order), so no referencing row exists when invitations is dropped here.
CREATE TABLE user_roles_nieuw (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    gemeente TEXT   NOT NULL REFERENCES tenants (code),
    role     TEXT   NOT NULL CHECK (role IN ('beheerder', 'beleidsmedewerker', 'consulent', 'intermediair', 'schuldhulpverlener', 'regisseur', 'teamleider')),
    PRIMARY KEY (user_id, gemeente)
);
INSERT INTO user_roles_nieuw (user_id, gemeente, role) SELECT user_id, gemeente, role FROM user_roles;
DROP TABLE user_roles;
ALTER TABLE user_roles_nieuw RENAME TO user_roles;
CREATE INDEX user_roles_gemeente ON user_roles (gemeente);

CREATE TABLE invitations_nieuw (
    id         INTEGER PRIMARY KEY,
    gemeente   TEXT      NOT NULL REFERENCES tenants (code),
    email      TEXT      NOT NULL,                    -- lower-case, as users.email
    name       TEXT      NOT NULL,                    -- the name for a new account
    role       TEXT      NOT NULL CHECK (role IN ('beheerder', 'beleidsmedewerker', 'consulent', 'intermediair', 'schuldhulpverlener', 'regisseur', 'teamleider')),
    code_hash  TEXT      NOT NULL UNIQUE,             -- hex SHA-256 of the code; the code itself is never stored
    created_by BIGINT    REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP,
    used_by    BIGINT    REFERENCES users (id) ON DELETE SET NULL
);
INSERT INTO invitations_nieuw (id, gemeente, email, name, role, code_hash, created_by, created_at, expires_at, used_at, used_by)
    SELECT id, gemeente, email, name, role, code_hash, created_by, created_at, expires_at, used_at, used_by FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_nieuw RENAME TO invitations;
CREATE INDEX invitations_gemeente ON invitations (gemeente, expires_at);
