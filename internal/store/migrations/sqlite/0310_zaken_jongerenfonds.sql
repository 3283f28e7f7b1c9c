-- Zaken: whether a gemeente offers the Jongeren Perspectief Fonds (JPF), a sub-route of schuldhulp
-- recorded as route steps (jpf-aangemeld, jpf-coaching, jpf-schulden in zaken_stap), with the text of its
-- plan that names it. Only Borne's plan names the fund (seed 003, beleidskader "Blik op morgen"): a
-- stored row of Borne gets the default the code gives a gemeente without a stored row (zaken.BronJPFBorne).
ALTER TABLE zaken_instellingen ADD COLUMN jongerenfonds INTEGER NOT NULL DEFAULT 0;
ALTER TABLE zaken_instellingen ADD COLUMN jongerenfonds_bron TEXT NOT NULL DEFAULT '';
UPDATE zaken_instellingen SET jongerenfonds = 1, jongerenfonds_bron = 'Borne, beleidskader Blik op morgen (Jongeren): "Jongeren met problematische schulden helpen we op weg om uit de schulden te komen. Hiervoor zetten we het Jongeren Perspectief Fonds (JPF) in, waarbij het oplossen van de schulden wordt gecombineerd met het coachen op zelfredzaamheid en toekomstperspectief."' WHERE gemeente = 'GM0147';
