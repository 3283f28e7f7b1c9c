-- The letter of the final decision on a budget request (internal/budget, brief.go), made by
-- internal/brief in the transaction of the decision and stored as the print-ready HTML that was sent.
-- One letter per request: only the final decision (after the second approval of four-eyes) gets one.
-- beschikking: 1 for a request to a budget of the gemeente (Awb 1:3, with the bezwaar clause), 0 for a
-- fund run by a partner or a partner's subsidy (no besluit of the gemeente, no bezwaar clause).
CREATE TABLE budget_brief (
    id          INTEGER   PRIMARY KEY,
    gemeente    TEXT      NOT NULL REFERENCES tenants (code),
    aanvraag_id BIGINT    NOT NULL UNIQUE REFERENCES budget_aanvraag (id),
    beschikking BOOLEAN   NOT NULL,
    datum       TEXT      NOT NULL,
    onderwerp   TEXT      NOT NULL,
    html        TEXT      NOT NULL,
    door        TEXT      NOT NULL DEFAULT '',
    gemaakt     TIMESTAMP NOT NULL
);
