-- Suspension of the decision term while the applicant completes the application (Awb 4:15 lid 1 onder a).
-- deadline_basis is the last day of the term counted at receipt, before the Algemene termijnenwet moved it;
-- deadline_basis_uitleg how it was found; deadline_atw whether Atw art. 1 applies to the term (not to terms
-- over twelve weeks, Atw art. 4). The stored deadline is recomputed from these and the suspended days
-- whenever a document is asked or received. ontvangen_dag is the day the requested document came.
ALTER TABLE aanvragen_aanvraag ADD COLUMN deadline_basis TEXT COLLATE "C" NOT NULL DEFAULT '';
ALTER TABLE aanvragen_aanvraag ADD COLUMN deadline_basis_uitleg TEXT NOT NULL DEFAULT '';
ALTER TABLE aanvragen_aanvraag ADD COLUMN deadline_atw INTEGER NOT NULL DEFAULT 1;
ALTER TABLE aanvragen_gevraagd ADD COLUMN ontvangen_dag TEXT COLLATE "C" NOT NULL DEFAULT '';
UPDATE aanvragen_aanvraag SET deadline_basis = deadline, deadline_basis_uitleg = deadline_uitleg;
