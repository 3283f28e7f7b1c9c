-- Aanvragen (internal/aanvragen): the partner of a partner user who applies for a client, by id (docs/partner.md:
-- a part stores the partner id, never only its name; a merge moves it through aanvragen.VerhuisPartner). NULL when
-- the intermediary is no partner's user. intermediair_organisatie keeps the name as it was when applying.
ALTER TABLE aanvragen_aanvraag ADD COLUMN intermediair_partner TEXT REFERENCES partner_organisatie (id);
