// Package web is Zeker's HTTP server: the router, the middleware (security headers, cross-origin
// protection, logging, recovery, size limits), the page layout, the static NL Design System assets, the
// message catalogue (Dutch and English) and the pages themselves: the resident check "Waar heb ik recht
// op?" and the staff pages (beheer, scan, signalen).
//
// Pages are server-rendered with html/template and work without JavaScript. The templates and the
// message catalogue are embedded and parsed once by New, which fails on any template or catalogue error.
// One page is the exception: the result page of the check, the hot path under load, is written in Go
// (check_resultaat_html.go) inside the layout of base.html, pre-rendered per language (skelet.go).
//
// The resident check stores nothing on the server: the answers travel between steps, and in the resume
// code, as one AES-GCM-encrypted token (see token.go).
package web
