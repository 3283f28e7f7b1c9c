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
