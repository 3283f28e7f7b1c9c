-- The monitor's referral counts (internal/netwerk verwijzing_cijfers*.go) read one gemeente's referrals
-- of one direction sent in a period: this index serves that range.
CREATE INDEX netwerk_verwijzing_monitor ON netwerk_verwijzing (gemeente, richting, aangemaakt);
