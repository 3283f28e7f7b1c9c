package web

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/zeker-platform/zeker/internal/audit"
	"github.com/zeker-platform/zeker/internal/auth"
)

type loginKey struct{}

// Login is the user of a request with a valid session; the guard puts it on the request context.
type Login struct {
	Gebruiker auth.Gebruiker
	Actor     auth.Actor
	Token     string
}

func withLogin(ctx context.Context, i *Login) context.Context {
	return context.WithValue(ctx, loginKey{}, i)
}

// LoginUit returns the logged-in user of a request, nil without a session.
func LoginUit(ctx context.Context) *Login {
	i, _ := ctx.Value(loginKey{}).(*Login)
	return i
}

// ActorUit is the authorization actor of the request (zero when nobody is logged in).
func ActorUit(ctx context.Context) auth.Actor {
	if i := LoginUit(ctx); i != nil {
		return i.Actor
	}
	return auth.Actor{}
}

// NaamUit is the display name of the logged-in user (the e-mail address when it has no name).
func NaamUit(ctx context.Context) string {
	if i := LoginUit(ctx); i != nil {
		if n := strings.TrimSpace(i.Gebruiker.Naam); n != "" {
			return n
		}
		return i.Gebruiker.Email
	}
	return ""
}

// AuditActor is the audit actor of a logged-in user.
func AuditActor(g auth.Gebruiker) audit.Actor {
	return audit.Actor{Soort: audit.ActorGebruiker, ID: strconv.FormatInt(g.ID, 10), Naam: g.Naam}
}

func urlQueryEscape(s string) string { return url.QueryEscape(s) }

// sessie reads the session cookie; nil when there is no valid session.
func (k *Kit) sessie(r *http.Request) (*Login, error) {
	tok := auth.SessieToken(r, k.cfg.BehindTLS)
	if tok == "" {
		return nil, nil
	}
	_, g, err := k.deps.Auth.Sessie(r.Context(), tok)
	if errors.Is(err, auth.ErrOngeldig) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if !g.Actief {
		return nil, nil
	}
	return &Login{Gebruiker: g, Actor: g.Actor(), Token: tok}, nil
}

// ClientIP is the address login attempts are counted against.
func (k *Kit) ClientIP(r *http.Request) string {
	if h := k.cfg.ClientIPHeader; h != "" {
		if v := r.Header.Get(h); v != "" {
			parts := strings.Split(v, ",")
			if ip := strings.TrimSpace(parts[len(parts)-1]); ip != "" {
				return ip
			}
		}
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
