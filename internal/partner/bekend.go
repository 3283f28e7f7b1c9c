package partner

// The known partners: organisations that run a regeling of a rule pack, which the pack names by a key
// (`aanvragen: {partner: jeugdfonds-sport-cultuur}`). Each has a fixed id, so seeding it twice finds the
// one made before, and its published contact with the source of each item. Only what a source gives is
// here (shared/reference/gemeenten-gepubliceerd.yaml, the seed plans): none of them publishes a phone
// number, address or opening hours there, so those stay empty; the demo adds fictitious ones, marked as
// such (cmd/zeker/demo_netwerk.go). A beheerder's edit of the partner in Zeker wins over this list.

// Bekende is a known partner: its key in rule packs, its fixed id and name, and its published contact.
type Bekende struct {
	Sleutel   string
	ID        string
	Naam      string
	Contact   Contact
	Gemeenten []string // the gemeenten whose packs refer to it
}

var bekende = []Bekende{
	{Sleutel: "jeugdfonds-sport-cultuur", ID: "d3e0a000-0000-4000-8000-000000000113", Naam: "Jeugdfonds Sport & Cultuur",
		Gemeenten: []string{"GM0147"}, Contact: Contact{Website: "https://www.jeugdfondssportencultuur.nl",
			WebsiteBron: "gemeenten-gepubliceerd.yaml gm1681.jeugdfonds_sport_cultuur_drenthe (noemt jeugdfondssportencultuur.nl); beleidskader Borne ‘Blik op morgen’, Jeugdfonds Sport en Cultuur"}},
	{Sleutel: "menzis", ID: "d3e0a000-0000-4000-8000-000000000115", Naam: "Menzis",
		Gemeenten: []string{"GM0147"}, Contact: Contact{Website: "https://www.gezondverzekerd.nl",
			WebsiteBron: "gemeenten-gepubliceerd.yaml gm0147.czm.menzis_2018 (Menzis, GarantVerzorgd, gezondverzekerd.nl); beleidskader Borne, Collectieve zorgverzekering"}},
	{Sleutel: "sam-overijssel", ID: "d3e0a000-0000-4000-8000-000000000110", Naam: "Sam& voor alle kinderen",
		Gemeenten: []string{"GM0175"}, Contact: Contact{Website: "https://www.samenvoorallekinderen.nl",
			WebsiteBron: "beleidsplan Ommen 2024-2028, Meedoen (‘Sam& voor alle kinderen’, een digitaal platform); gemeenten-gepubliceerd.yaml gm0175.sam_overijssel"}},
	{Sleutel: "leergeld-westerkwartier", ID: "d3e0a000-0000-4000-8000-000000000119", Naam: "Stichting Leergeld Westerkwartier",
		Gemeenten: []string{"GM1969"}, Contact: Contact{Website: "https://www.leergeld.nl",
			WebsiteBron: "visie armoede Westerkwartier, Inkomensregelingen (‘uitgevoerd door stichting Leergeld’); leergeld.nl is de site van Leergeld Nederland; gemeenten-gepubliceerd.yaml gm1969.leergeld_westerkwartier"}},
}

// BekendePartners returns the known partners (a copy).
func BekendePartners() []Bekende {
	out := make([]Bekende, len(bekende))
	copy(out, bekende)
	return out
}

// BekendeSleutel returns the known partner with key s.
func BekendeSleutel(s string) (Bekende, bool) {
	for _, b := range bekende {
		if b.Sleutel == s {
			return b, true
		}
	}
	return Bekende{}, false
}
