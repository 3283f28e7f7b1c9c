// Package web is the web kit: what every part of Zeker's web application is built with, and nothing
// that belongs to one part. It holds
//
//   - the middleware (request log, panic recovery, security headers) and, per route, the body limit a
//     route may raise and the cross-origin protection of forms (middleware.go, route.go);
//   - the Route type and its guard: every route of every part is a row (pattern, access rule,
//     permission, processing activity, handler) that Kit.Handler mounts in one loop (route.go, kit.go);
//   - one template engine: the layout (templates/base.html) and the staff partials are parsed once,
//     each part registers its own embedded templates with Kit.Pages (pages.go); the layout is also
//     pre-rendered per language for pages written in Go (skelet.go, html.go);
//   - the message catalogue in Dutch and English (i18n.go, i18n/);
//   - sessions and the logged-in user (session.go), form errors and options (form.go), CSV downloads
//     (csv.go), the names of roles and jobs on staff pages (staffkit.go);
//   - one mapping of error kinds (internal/errs) to status pages (errors.go), the static files and the
//     health checks (kitroutes.go).
//
// The parts are packages under internal/web (checkweb, beheerweb, signalenweb, scanweb, …) and
// internal/apiv1; each takes a *Kit and its own services and returns a Part. cmd/zeker is the only
// place that knows them all. The kit imports no part, and nothing under internal/web imports
// internal/store: these rules are tests in internal/archtest. See docs/architecture.md.
//
// Pages are server-rendered and work without JavaScript. Templates and the catalogue are embedded and
// parsed at start-up; New and Kit.Pages fail on any template or catalogue error, so a broken page never
// reaches anyone.
package web
