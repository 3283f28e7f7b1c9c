-- Proposals (internal/netwerk voorstel*.go): a partner user proposes changes to its own service on the
-- sociale kaart; the gemeente's beheerder approves (the change is applied to netwerk_dienst) or rejects
-- with a reason. Until approved nothing of a proposal is public. No personal data: what an organisation
-- publishes about itself.

CREATE TABLE netwerk_voorstel (
    id             INTEGER PRIMARY KEY,
    gemeente       TEXT      NOT NULL REFERENCES tenants (code),
    partner_id     TEXT      NOT NULL REFERENCES partner_organisatie (id),
    dienst_id      TEXT      NOT NULL REFERENCES netwerk_dienst (id) ON DELETE CASCADE,
    door           BIGINT    NOT NULL,              -- the partner user
    aangemaakt     TIMESTAMP NOT NULL,
    wijziging      TEXT      NOT NULL,              -- JSON: the proposed fields (netwerk.Wijziging)
    status         TEXT      NOT NULL CHECK (status IN ('open', 'goedgekeurd', 'afgewezen')),
    beoordeeld_door BIGINT   NOT NULL DEFAULT 0,
    beoordeeld_op  TIMESTAMP,
    reden          TEXT      NOT NULL DEFAULT ''    -- reason of a rejection
);
CREATE INDEX netwerk_voorstel_gm ON netwerk_voorstel (gemeente, status, id);
CREATE INDEX netwerk_voorstel_partner ON netwerk_voorstel (partner_id);
