-- Aanvragen (internal/aanvragen), issue 19: the scan's ambtshalve proposals are judged in the aanvragen inbox.
-- An acceptance that failed (the household left the register, no right today) is rolled back as a whole: the
-- proposal stays open. Its last failure is kept here so the inbox shows it until it is accepted or declined.
CREATE TABLE aanvragen_ambtshalve_mislukt (
    gemeente    TEXT      NOT NULL,
    voorstel_id BIGINT    NOT NULL,
    moment      TIMESTAMP NOT NULL,
    door        TEXT      NOT NULL DEFAULT '',
    melding     TEXT      NOT NULL,
    PRIMARY KEY (gemeente, voorstel_id)
);
-- The applications made from proposals (aanvragen.VanVoorstellen) and an intermediary's own list (by the user,
-- or by the partner of a partner user), newest first.
CREATE INDEX aanvragen_aanvraag_voorstel ON aanvragen_aanvraag (gemeente, voorstel_id);
CREATE INDEX aanvragen_aanvraag_eigen_gebruiker ON aanvragen_aanvraag (gemeente, intermediair_gebruiker, ontvangen);
CREATE INDEX aanvragen_aanvraag_eigen_partner ON aanvragen_aanvraag (gemeente, intermediair_partner, ontvangen);
