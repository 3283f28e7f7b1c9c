-- Platform: tenants (gemeenten), staff accounts, roles per tenant, sessions, login rate limiting and
-- API credentials. Owned by internal/tenant and internal/auth. Times are UTC.

CREATE TABLE tenants (
    code       TEXT      NOT NULL PRIMARY KEY,          -- CBS gemeentecode, e.g. GM1681
    name       TEXT      NOT NULL,
    contact    TEXT      NOT NULL DEFAULT '{}',         -- JSON: contact block shown to residents
    theme      TEXT      NOT NULL DEFAULT '{}',         -- JSON: theme (colours, logo)
    settings   TEXT      NOT NULL DEFAULT '{}',         -- JSON: free settings per tenant
    active     BOOLEAN   NOT NULL DEFAULT TRUE,
    created_at TIMESTAMP NOT NULL,
    updated_at TIMESTAMP NOT NULL
);

CREATE TABLE users (
    id                   INTEGER PRIMARY KEY,
    email                TEXT      NOT NULL UNIQUE,      -- login name, stored lower-case
    name                 TEXT      NOT NULL,
    password_hash        TEXT      NOT NULL,             -- argon2id, PHC string
    system_admin         BOOLEAN   NOT NULL DEFAULT FALSE,
    active               BOOLEAN   NOT NULL DEFAULT TRUE,
    must_change_password BOOLEAN   NOT NULL DEFAULT FALSE,
    created_at           TIMESTAMP NOT NULL,
    updated_at           TIMESTAMP NOT NULL
);

CREATE TABLE user_roles (
    user_id  BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    gemeente TEXT   NOT NULL REFERENCES tenants (code),
    role     TEXT   NOT NULL CHECK (role IN ('beheerder', 'beleidsmedewerker', 'consulent', 'intermediair')),
    PRIMARY KEY (user_id, gemeente)
);
CREATE INDEX user_roles_gemeente ON user_roles (gemeente);

CREATE TABLE sessions (
    token_hash   TEXT      NOT NULL PRIMARY KEY,         -- hex SHA-256 of the cookie token; the token itself is never stored
    user_id      BIGINT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    ip           TEXT      NOT NULL DEFAULT '',
    user_agent   TEXT      NOT NULL DEFAULT ''
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE login_failures (
    id      INTEGER PRIMARY KEY,
    scope   TEXT      NOT NULL CHECK (scope IN ('account', 'ip')),
    subject TEXT      NOT NULL,                          -- lower-case e-mail or IP address
    at      TIMESTAMP NOT NULL
);
CREATE INDEX login_failures_subject ON login_failures (scope, subject, at);

CREATE TABLE api_credentials (
    id           INTEGER PRIMARY KEY,
    name         TEXT      NOT NULL,
    organisation TEXT      NOT NULL DEFAULT '',
    token_prefix TEXT      NOT NULL,                     -- first characters of the token, to recognise it in lists
    token_hash   TEXT      NOT NULL UNIQUE,              -- hex SHA-256 of the token
    permissions  TEXT      NOT NULL DEFAULT '',          -- space-separated permission names
    created_by   BIGINT    REFERENCES users (id) ON DELETE SET NULL,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP,
    revoked_at   TIMESTAMP,
    last_used_at TIMESTAMP
);

CREATE TABLE api_credential_tenants (
    credential_id BIGINT NOT NULL REFERENCES api_credentials (id) ON DELETE CASCADE,
    gemeente      TEXT   NOT NULL REFERENCES tenants (code),
    PRIMARY KEY (credential_id, gemeente)
);
CREATE INDEX api_credential_tenants_gemeente ON api_credential_tenants (gemeente);
