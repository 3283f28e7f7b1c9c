package audit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
)

type actorKey struct{}
type traceKey struct{}

// WithActor returns ctx carrying the actor; the web and API middleware set it once per request,
// the job runner per job.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// ActorUit returns the actor in ctx (zero Actor when none).
func ActorUit(ctx context.Context) Actor {
	a, _ := ctx.Value(actorKey{}).(Actor)
	return a
}

// Trace identifies the request (trace) and the current operation (span) in W3C Trace Context form:
// 32 and 16 lower-case hex digits.
type Trace struct {
	TraceID      string
	SpanID       string
	ParentSpanID string
}

// WithTrace returns ctx carrying t.
func WithTrace(ctx context.Context, t Trace) context.Context {
	return context.WithValue(ctx, traceKey{}, t)
}

// TraceUit returns the trace in ctx (zero Trace when none).
func TraceUit(ctx context.Context) Trace {
	t, _ := ctx.Value(traceKey{}).(Trace)
	return t
}

// NieuweTrace starts a trace: from a W3C traceparent header when it is valid (the caller's trace
// continues, its span becomes the parent), otherwise a fresh trace id.
func NieuweTrace(traceparent string) Trace {
	if tid, sid, ok := ParseTraceparent(traceparent); ok {
		return Trace{TraceID: tid, SpanID: NieuweSpanID(), ParentSpanID: sid}
	}
	return Trace{TraceID: randomHex(16), SpanID: NieuweSpanID()}
}

// NieuweSpanID returns a random span id (16 hex digits).
func NieuweSpanID() string { return randomHex(8) }

// ParseTraceparent reads a W3C traceparent header "00-<trace-id>-<parent-id>-<flags>".
func ParseTraceparent(h string) (traceID, spanID string, ok bool) {
	parts := strings.Split(strings.TrimSpace(h), "-")
	if len(parts) != 4 || parts[0] != "00" || len(parts[1]) != 32 || len(parts[2]) != 16 || len(parts[3]) != 2 {
		return "", "", false
	}
	if !isHex(parts[1]) || !isHex(parts[2]) || !isHex(parts[3]) ||
		parts[1] == strings.Repeat("0", 32) || parts[2] == strings.Repeat("0", 16) {
		return "", "", false
	}
	return parts[1], parts[2], true
}

func isHex(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return hex.EncodeToString(b)
}

// AlsSysteem puts a system actor (a background job: naam is its kind, id its number) on the context when
// no actor is there yet, so what the job does is logged as the system's.
func AlsSysteem(ctx context.Context, naam string, id int64) context.Context {
	if ActorUit(ctx).Soort != "" {
		return ctx
	}
	return WithActor(ctx, Actor{Soort: ActorSysteem, ID: fmt.Sprintf("job/%d", id), Naam: naam})
}
