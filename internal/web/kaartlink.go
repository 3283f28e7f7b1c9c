package web

import "net/url"

// SocialeKaartURL is the address of gemeente's public sociale kaart ("hulp bij uw geldzaken in uw
// buurt", served by the netwerk part) in language lang: "/sociale-kaart/GM0175", or with "?lang=en" for
// another language than Dutch. A part links to it without knowing the part that serves it (parts do
// not import each other); the catalogue's text for the link is "kaart.link".
func SocialeKaartURL(gemeente, lang string) string {
	u := "/sociale-kaart/" + url.PathEscape(gemeente)
	if lang != "" && lang != StandaardTaal {
		u += "?lang=" + url.QueryEscape(lang)
	}
	return u
}

// HulpvraagURL is the address of gemeente's public form for a resident's own request for debt help
// (served by the zaken part) in language lang; the catalogue's text for a link to it is "hulpvraag.link".
func HulpvraagURL(gemeente, lang string) string {
	u := "/hulpvraag/" + url.PathEscape(gemeente)
	if lang != "" && lang != StandaardTaal {
		u += "?lang=" + url.QueryEscape(lang)
	}
	return u
}

// VerwijzingUitCheckURL is the address of the referral form (served by the netwerk part) for an
// intermediary who did the resident check for a client in gemeente: source "check", the question
// prefilled with vraag (what the check found; never a BSN or a name). The link only opens the form;
// nothing is stored before the intermediary sends it. The catalogue's text for the link is
// "overdracht.verwijs".
func VerwijzingUitCheckURL(gemeente, vraag string) string {
	q := url.Values{"bron": {"check"}}
	if vraag != "" {
		q.Set("vraag", vraag)
	}
	return "/beheer/" + url.PathEscape(gemeente) + "/verwijzingen/nieuw?" + q.Encode()
}
