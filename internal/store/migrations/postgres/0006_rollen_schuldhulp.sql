-- Platform (internal/auth): the debt-help roles schuldhulpverlener, regisseur and teamleider (issue 17).
-- The role CHECKs of user_roles (0001) and invitations (0005) get the new names.
ALTER TABLE user_roles DROP CONSTRAINT user_roles_role_check;
ALTER TABLE user_roles ADD CONSTRAINT user_roles_role_check CHECK (role IN ('beheerder', 'beleidsmedewerker', 'consulent', 'intermediair', 'schuldhulpverlener', 'regisseur', 'teamleider'));
ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check CHECK (role IN ('beheerder', 'beleidsmedewerker', 'consulent', 'intermediair', 'schuldhulpverlener', 'regisseur', 'teamleider'));
