-- Invitations (internal/auth, uitnodigingen.go): a beheerder who is not a system administrator adds a
-- colleague by invitation. The colleague redeems the one-time code on /uitnodiging: a new account chooses
-- its password, an existing one confirms with its own password. Only the SHA-256 of the code is stored.

CREATE TABLE invitations (
    id         INTEGER PRIMARY KEY,
    gemeente   TEXT      NOT NULL REFERENCES tenants (code),
    email      TEXT      NOT NULL,                    -- lower-case, as users.email
    name       TEXT      NOT NULL,                    -- the name for a new account
    role       TEXT      NOT NULL CHECK (role IN ('beheerder', 'beleidsmedewerker', 'consulent', 'intermediair')),
    code_hash  TEXT      NOT NULL UNIQUE,             -- hex SHA-256 of the code; the code itself is never stored
    created_by BIGINT    REFERENCES users (id) ON DELETE SET NULL,
    created_at TIMESTAMP NOT NULL,
    expires_at TIMESTAMP NOT NULL,
    used_at    TIMESTAMP,
    used_by    BIGINT    REFERENCES users (id) ON DELETE SET NULL
);
CREATE INDEX invitations_gemeente ON invitations (gemeente, expires_at);
