package web

import "net/http"

// healthz answers when the process serves HTTP (liveness).
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// readyz answers when the server can evaluate a check: the rule catalogue is loaded. Later parts add
// their own readiness (the database) here.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.cat == nil || len(s.gemeenten) == 0 {
		http.Error(w, "niet klaar: geen regelpakketten", http.StatusServiceUnavailable)
		return
	}
	if err := s.staffReady(r.Context()); err != nil {
		s.log.WarnContext(r.Context(), "readyz", "fout", err)
		http.Error(w, "niet klaar: database", http.StatusServiceUnavailable)
		return
	}
	w.Write([]byte("ok\n"))
}
