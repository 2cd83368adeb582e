#!/bin/sh
# demo.sh BUILD: the main job on a sample page shipped in the repo:
# clean it, split it into documents, outline them, and drop repeats.
B=${1:-build}
export PATH="$B/bin:$PATH"
page=tests/data/corpus/001_a5a9ba5a6d09eae4.txt
out=$B/demo
mkdir -p "$out"
set -e
echo "== page: $page ($(wc -c < "$page") bytes)"
cp "$page" "$out/page.txt"
step=$out/page.txt
if [ -x "$B/bin/sp-clean" ]; then
	sp-clean --stats "$step" > "$out/clean.txt"
	step=$out/clean.txt
	echo "== sp-clean: $(wc -l < "$step") paragraphs -> $out/clean.txt"
fi
if [ -x "$B/bin/sp-split" ]; then
	sp-split -d "$step" > "$out/docs.txt"
	step=$out/docs.txt
	echo "== sp-split -d: $(grep -c "$(printf '^\f$')" "$step") document breaks -> $out/docs.txt"
fi
if [ -x "$B/bin/sp-outline" ]; then
	echo "== sp-outline:"
	sp-outline "$step" | head -n 40
fi
if [ -x "$B/bin/sp-dedupe" ]; then
	sp-dedupe -d --contained "$step" > "$out/unique.txt"
	echo "== sp-dedupe -d --contained: $(grep -c "$(printf '^\f$')" "$out/unique.txt") document breaks left -> $out/unique.txt"
fi
