package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/zeker-platform/zeker/internal/store"
)

// DemoAccount is a demo login, printed by "zeker demo" at start-up.
type DemoAccount struct {
	Email      string
	Wachtwoord string
	Rol        Rol    // empty for the system administrator
	Gemeente   string // empty for the system administrator
}

// DemoDomein is the e-mail domain of demo accounts (.test is reserved, RFC 2606).
const DemoDomein = "demo.zeker.test"

// MaakDemoAccounts makes sure there is one account per role per gemeente
// (<rol>.<gm-code>@demo.zeker.test) and one system administrator (systeembeheerder@demo.zeker.test),
// each with a fresh generated password that does not have to be changed. Existing demo accounts get a
// new password and their role back, so the printed passwords always work. Only for the demo database.
func (s *Service) MaakDemoAccounts(ctx context.Context, gemeenten []string) ([]DemoAccount, error) {
	var out []DemoAccount
	zet := func(email, naam string, sysadmin bool, gemeente string, r Rol) error {
		pw := GenereerWachtwoord()
		g, err := s.MaakGebruiker(ctx, NieuweGebruiker{Email: email, Naam: naam, Wachtwoord: pw, Systeembeheerder: sysadmin})
		if errors.Is(err, store.ErrConflict) {
			if g, err = s.GebruikerOpEmail(ctx, email); err == nil {
				err = s.ZetWachtwoord(ctx, g.ID, pw, false)
			}
			if err == nil {
				err = s.ZetActief(ctx, g.ID, true)
			}
		}
		if err != nil {
			return fmt.Errorf("auth: demo-account %s: %w", email, err)
		}
		if r != "" {
			if err := s.ZetRol(ctx, g.ID, gemeente, r); err != nil {
				return fmt.Errorf("auth: demo-account %s: %w", email, err)
			}
		}
		out = append(out, DemoAccount{Email: email, Wachtwoord: pw, Rol: r, Gemeente: gemeente})
		return nil
	}
	if err := zet("systeembeheerder@"+DemoDomein, "Demo systeembeheerder", true, "", ""); err != nil {
		return nil, err
	}
	for _, gem := range gemeenten {
		for _, r := range Rollen {
			email := string(r) + "." + strings.ToLower(gem) + "@" + DemoDomein
			if err := zet(email, "Demo "+string(r)+" "+gem, false, gem, r); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
