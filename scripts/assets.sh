#!/bin/sh
# assets.sh copies the pinned NL Design System CSS (see package.json / package-lock.json) into
# internal/web/nlds (not embedded), and reduces it with scripts/csskrimp to the bundles in
# internal/web/static/vendor that the Go server embeds: per kind of page only the rules of the classes
# its templates and Go code use, minified (internal/web/nlds/bundels.txt). Both are committed, so
# building or running Zeker needs no Node; run this script (after `npm ci`) when package.json changes.
# After a template change only the reduction is needed: go run ./scripts/csskrimp
#
#   npm ci && sh scripts/assets.sh
set -eu
cd "$(dirname "$0")/.."
nm=node_modules
out=internal/web/nlds
[ -d "$nm/@utrecht/component-library-css" ] || { echo "assets.sh: run 'npm ci' first" >&2; exit 1; }
mkdir -p "$out"
cp "$nm/@utrecht/component-library-css/dist/index.css" "$out/utrecht-component-library.css"
cp "$nm/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" "$out/voorbeeld-theme.css"
# Licences travel with the files (EUPL-1.2).
for p in "@utrecht/component-library-css" "@nl-design-system-unstable/voorbeeld-design-tokens"; do
	name=$(basename "$p")
	for f in LICENSE LICENSE.md; do
		[ -f "$nm/$p/$f" ] && cp "$nm/$p/$f" "$out/$name.$f.txt"
	done
	ver=$(node -p "require('./$nm/$p/package.json').version")
	echo "$p $ver" >> "$out/VERSIONS.tmp"
done
mv "$out/VERSIONS.tmp" "$out/VERSIONS.txt"
echo "assets.sh: copied into $out"
go run ./scripts/csskrimp
