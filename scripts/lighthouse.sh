#!/bin/sh
# lighthouse.sh measures the resident start page, a step page, the result page and the worklist of the
# consulent with Lighthouse (mobile: Lighthouse's default form factor, a Moto G Power on slow 4G with
# simulated throttling) in Debian's chromium, RUNS times each, and prints the median score of
# performance, best practices and accessibility per page. The figures are in docs/check.md.
#
# Start the demo first (its accounts and passwords are printed at start-up), then:
#
#   ZEKER_EMAIL=consulent.gm0147@demo.zeker.test ZEKER_WACHTWOORD=… sh scripts/lighthouse.sh http://127.0.0.1:8080
#
# Needs curl, jq, npx (Node 20 runs Lighthouse 12; 13 needs Node 22) and chromium. RUNS (default 5)
# and LH (default lighthouse@12.8.2) may be set; OUT (default a temporary folder) keeps the reports.
set -eu
base=${1:-http://127.0.0.1:8080}
runs=${RUNS:-5}
lh=${LH:-lighthouse@12.8.2}
out=${OUT:-$(mktemp -d)}
gm=${ZEKER_GEMEENTE:-GM0147}
: "${ZEKER_EMAIL:?set ZEKER_EMAIL to the consulent account the demo printed}"
: "${ZEKER_WACHTWOORD:?set ZEKER_WACHTWOORD to its password}"
mkdir -p "$out"

# A step page: start a check for the gemeente; the answer is the first step, with its token.
tok=$(curl -sf -X POST "$base/check/start" -d "gemeente=$gm&voor=zelf&lang=nl" | sed -n 's/.*name="t" value="\([^"]*\)".*/\1/p' | head -1)
[ -n "$tok" ] || { echo "lighthouse.sh: no step token from $base/check/start" >&2; exit 1; }
stap="$base/check/stap?lang=nl&t=$tok"
# A result page: the load test completes three checks and prints their result pages.
resultaat="$base$(go run ./cmd/loadtest -url "$base" -urls | head -1)"
# The worklist needs a session: log in as the consulent and pass the cookie.
jar="$out/cookies.txt"
curl -sf -o /dev/null -c "$jar" -X POST "$base/login" --data-urlencode "email=$ZEKER_EMAIL" --data-urlencode "wachtwoord=$ZEKER_WACHTWOORD"
sessie=$(awk '$6 == "zeker-sessie" {print $7}' "$jar")
[ -n "$sessie" ] || { echo "lighthouse.sh: login as $ZEKER_EMAIL failed" >&2; exit 1; }
werklijst="$base/beheer/$gm/signalen"

meet() { # name url [extra-headers-json]
	naam=$1 url=$2 kop=${3:-}
	i=1
	while [ "$i" -le "$runs" ]; do
		set -- --quiet --output=json --output-path="$out/$naam-$i.json" --chrome-path=/usr/bin/chromium \
			--chrome-flags="--headless=new --no-sandbox" --only-categories=performance,best-practices,accessibility
		[ -n "$kop" ] && set -- "$@" --extra-headers="$kop"
		npx --yes "$lh" "$url" "$@" >/dev/null 2>"$out/$naam-$i.log" || { echo "lighthouse.sh: $naam run $i failed, see $out/$naam-$i.log" >&2; exit 1; }
		i=$((i + 1))
	done
	jq -s -r --arg naam "$naam" '
		def med: sort | .[(length - 1) / 2 | floor];
		def s(c): [.[] | .categories[c].score * 100 | round] | med;
		"\($naam)\tperformance \(s("performance"))\tbest-practices \(s("best-practices"))\taccessibility \(s("accessibility"))\tLCP \([.[] | .audits["largest-contentful-paint"].numericValue | round] | med) ms\ttransfer \([.[] | .audits["total-byte-weight"].numericValue] | med | . / 1024 | round) KiB"
	' "$out/$naam"-*.json
}

meet start "$base/"
meet stap "$stap"
meet resultaat "$resultaat"
meet werklijst "$werklijst" "{\"Cookie\": \"zeker-sessie=$sessie\"}"
echo "reports: $out" >&2
