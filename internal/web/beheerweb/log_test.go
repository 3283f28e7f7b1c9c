package beheerweb

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
	"github.com/zeker-platform/zeker/internal/store"
	"github.com/zeker-platform/zeker/internal/store/storetest"
	"github.com/zeker-platform/zeker/internal/web/webtest"
)

// logBuffer is an io.Writer for a slog handler that tests read while requests write.
type logBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *logBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *logBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLoginLogtGeenEmail: users are logged by id (docs/operations.md), so no failed login — an unknown
// or bad address, a wrong password, too many attempts, a database error — puts the submitted address
// in the log. The database error used to log it: a failed lock named its key, "login:account:<address>".
func TestLoginLogtGeenEmail(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		var log logBuffer
		o := nieuweStaffOmgevingMet(t, db, webtest.Opties{Logger: slog.New(slog.NewTextHandler(&log, &slog.HandlerOptions{Level: slog.LevelDebug}))})
		form := map[string]string{"Content-Type": "application/x-www-form-urlencoded"}
		for _, body := range []string{
			"email=onbekend.geheim%40test.zeker.test&wachtwoord=fout-fout-fout-fout",
			"email=consulent%40test.zeker.test&wachtwoord=fout-fout-fout-fout",
			"email=geheim%00%40test.zeker.test&wachtwoord=x",
			"email=geheim%FF%40test.zeker.test&wachtwoord=x",
			"email=geheim%1B%40test.zeker.test&wachtwoord=x",
			"email=%22geheim%22%20%3Cgeheim%40test.zeker.test%3E&wachtwoord=x",
		} {
			if a := o.doeBody("POST", "/login", "", strings.NewReader(body), form); a.Status != http.StatusUnauthorized {
				t.Errorf("login %s: status %d, want 401", body, a.Status)
			}
		}
		for range 6 {
			o.doe("POST", "/login", "", url.Values{"email": {"intermediair@test.zeker.test"}, "wachtwoord": {"fout-fout-fout-fout"}}, nil)
		}

		if db.Dialect() == store.Postgres {
			// A database error on the login: another transaction holds the account's lock (under either
			// name) and the request gives up. The page is a 500; the log has the error, not the address.
			email := "consulent@test.zeker.test"
			tx, err := db.SQL().BeginTx(t.Context(), nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			h := sha256.Sum256([]byte(email))
			for _, key := range []string{"login:account:" + email, "login:account:" + hex.EncodeToString(h[:])} {
				if _, err := tx.ExecContext(t.Context(), "SELECT pg_advisory_xact_lock(hashtext($1))", key); err != nil {
					t.Fatal(err)
				}
			}
			ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
			defer cancel()
			req := httptest.NewRequestWithContext(ctx, "POST", "/login", strings.NewReader(url.Values{"email": {email}, "wachtwoord": {testWachtwoord}}.Encode()))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.RemoteAddr = "198.51.100.77:4000"
			rec := httptest.NewRecorder()
			o.H.ServeHTTP(rec, req)
			if rec.Code != http.StatusInternalServerError {
				t.Errorf("login while the account is locked elsewhere: status %d, want 500", rec.Code)
			}
			if !strings.Contains(log.String(), "inlogpoging") {
				t.Errorf("the database error is not in the log:\n%s", log.String())
			}
			tx.Rollback()
		}

		if got := log.String(); strings.Contains(got, "geheim") || strings.Contains(got, "@test.zeker.test") || strings.Contains(got, "test.zeker.test") {
			t.Errorf("the log has a submitted address:\n%s", got)
		}
		if !strings.Contains(log.String(), "path=/login status=401") {
			t.Errorf("the log lacks the requests:\n%s", log.String())
		}
	})
}

// The auth errors themselves carry no address either: whoever logs them logs none.
func TestAuthFoutenZonderEmail(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		_, err1 := o.Auth.GebruikerOpEmail(t.Context(), "geheim@test.zeker.test")
		_, err2 := o.Auth.MaakGebruiker(t.Context(), auth.NieuweGebruiker{Email: "geheim@@test", Naam: "X", Wachtwoord: testWachtwoord})
		_, err3 := o.Auth.MaakGebruiker(t.Context(), auth.NieuweGebruiker{Email: "consulent@test.zeker.test", Naam: "X", Wachtwoord: testWachtwoord})
		for i, err := range []error{err1, err2, err3} {
			if err == nil || strings.Contains(err.Error(), "geheim") || strings.Contains(err.Error(), "consulent") {
				t.Errorf("error %d: %v (want an error without the address)", i+1, err)
			}
		}
	})
}

// TestWeigeringZonderNaamVanBuiten: a refused access is in the processing log of the gemeente it was
// aimed at; a staff member of another gemeente is there by internal id only, without their name (that
// is the other gemeente's data). One of this gemeente's own staff keeps their name.
func TestWeigeringZonderNaamVanBuiten(t *testing.T) {
	storetest.ForEachDialect(t, func(t *testing.T, db *store.DB) {
		o := nieuweStaffOmgeving(t, db)
		buiten := o.maak("buiten@test.zeker.test", "Bea Buitengemeente", false)
		if err := o.Auth.ZetRol(t.Context(), buiten.ID, ander, auth.Beheerder); err != nil {
			t.Fatal(err)
		}
		if a := o.doe("GET", "/beheer/"+eigen+"/audit", o.login("buiten@test.zeker.test", testWachtwoord), nil, nil); a.Status != http.StatusForbidden {
			t.Fatalf("beheerder of another gemeente on the audit log: status %d, want 403", a.Status)
		}
		if a := o.doe("GET", "/beheer/"+eigen+"/audit", o.loginAls("consulent"), nil, nil); a.Status != http.StatusForbidden {
			t.Fatalf("consulent on the audit log: status %d, want 403", a.Status)
		}
		rows, err := o.Audit.Zoek(t.Context(), audit.Filter{Gemeente: eigen, Resultaat: audit.Geweigerd})
		if err != nil {
			t.Fatal(err)
		}
		namen := map[string]string{}
		for _, r := range rows {
			namen[r.Actor.ID] = r.Actor.Naam
		}
		buitenID, consulentID := strconv.FormatInt(buiten.ID, 10), strconv.FormatInt(o.IDs["consulent"], 10)
		if naam, ok := namen[buitenID]; !ok || naam != "" {
			t.Errorf("refusal of the other gemeente's beheerder: logged %v, name %q; want a row by id without a name", ok, naam)
		}
		if naam := namen[consulentID]; naam != "Test consulent" {
			t.Errorf("refusal of this gemeente's consulent: name %q, want Test consulent", naam)
		}
		a := o.doe("GET", "/beheer/"+eigen+"/audit", o.loginAls("beheerder"), nil, nil)
		bevat(t, a, "(user "+buitenID+")", "Test consulent (user "+consulentID+")")
		if strings.Contains(a.Body, "Bea Buitengemeente") {
			t.Error("the audit page of the gemeente shows the name of another gemeente's staff member")
		}
	})
}
