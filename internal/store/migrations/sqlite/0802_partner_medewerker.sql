-- Partner users (internal/partner, medewerkers.go): people of a partner organisation who log in. A
-- gemeente's beheerder invites them with the ordinary invitation (0005, role intermediair) and this row
-- says for which partner: who redeems the invitation is that partner's user in that gemeente. Only the
-- link is stored here; the account, its role and the code stay auth's.

CREATE TABLE partner_uitnodiging (
    invitation_id BIGINT NOT NULL PRIMARY KEY REFERENCES invitations (id) ON DELETE CASCADE,
    partner_id    TEXT   NOT NULL REFERENCES partner_organisatie (id),
    gemeente      TEXT   NOT NULL REFERENCES tenants (code)
);
CREATE INDEX partner_uitnodiging_partner ON partner_uitnodiging (partner_id, gemeente);
