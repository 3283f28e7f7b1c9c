-- Platform (internal/auth): the debt-help roles schuldhulpverlener, regisseur and teamleider (issue 17).
-- The role CHECK of user_roles (0001) gets the new names. SQLite cannot change a CHECK, so the table is
-- rebuilt with its rows; nothing references it. invitations (0005) keeps its CHECK on SQLite: it is
-- referenced with ON DELETE CASCADE (partner_uitnodiging, 0802), and dropping it inside a migration's
-- transaction (foreign keys on) would delete those rows. So on SQLite an invitation carries one of the
-- four first roles; the beheerder then sets the debt-help role on the user's page. PostgreSQL changes both.
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
