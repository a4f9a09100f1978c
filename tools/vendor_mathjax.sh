#!/usr/bin/env bash
# Copies MathJax from its npm package into _static/mathjax, so the site loads no
# script or font from another origin (it works offline and leaks nothing).
# Run once when upgrading MathJax; the files are committed.
set -euo pipefail
version="${1:-3.2.2}"
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
(cd "$work" && npm pack "mathjax@${version}" --silent >/dev/null && tar xzf "mathjax-${version}.tgz")
rm -rf _static/mathjax
mkdir -p _static/mathjax/output/chtml/fonts
cp "$work/package/es5/tex-mml-chtml.js" _static/mathjax/
cp -r "$work/package/es5/output/chtml/fonts/woff-v2" _static/mathjax/output/chtml/fonts/
cp "$work/package/LICENSE" _static/mathjax/LICENSE
echo "MathJax ${version} vendored into _static/mathjax"
