package auth_test

import (
	"testing"

	"github.com/zeker-platform/zeker/internal/auth"
)

// BenchmarkHashWachtwoord measures one argon2id hash with the default parameters (the cost of a login).
func BenchmarkHashWachtwoord(b *testing.B) {
	for b.Loop() {
		if _, err := auth.HashWachtwoord("correct paard batterij niet", auth.DefaultHashParams); err != nil {
			b.Fatal(err)
		}
	}
}
