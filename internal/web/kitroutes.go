package web

import (
	"embed"
	"net/http"
)

//go:embed static
var staticFS embed.FS

// eigenPart is the kit's own routes: static files (static.go), the favicon, health checks and the 404 page for every path no
// part serves.
func (k *Kit) eigenPart() Part {
	return Part{Name: "kit", Routes: []Route{
		{Pattern: "GET /static/", Access: Open, Handler: k.static()},
		{Pattern: "GET /favicon.ico", Access: Open, Handler: k.favicon},
		{Pattern: "GET /healthz", Access: Open, Handler: k.healthz},
		{Pattern: "GET /readyz", Access: Open, Handler: k.readyz},
		{Pattern: "GET /thema.css", Access: Open, Handler: k.themaCSS},
		{Pattern: "/", Access: Open, Handler: k.NotFound},
	}}
}

// healthz answers when the process serves HTTP (liveness).
func (k *Kit) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// readyz answers when the server can do its work: what Deps.Ready checks (the rule catalogue, the
// database, the job runner).
func (k *Kit) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := k.ready(r.Context()); err != nil {
		k.log.WarnContext(r.Context(), "readyz", "fout", err)
		http.Error(w, "niet klaar: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ok\n"))
}

// EigenRoutes lists the kit's own routes (static files, health checks, the 404 page), for the
// authorization matrix, which walks every route the application mounts.
func EigenRoutes() []Route { return (&Kit{}).eigenPart().Routes }
