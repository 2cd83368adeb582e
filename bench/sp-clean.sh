# bench/sp-clean.sh, sourced by bench/run: the default chain on UTF-8
# Chinese text against iconv -f UTF-8 -t UTF-8 on the same input (issue 3:
# at least as fast, floor 1.00).  Two framings of the same pages: the pages
# as a stream of documents, as a day's scrape arrives (form-feed lines
# between them), and one document without form feeds (cleaned in
# --max-unit pieces; the warning is discarded), whose boilerplate and hard
# wraps are weighed over the whole of each piece in one thread.
corpus "$WORK/corpus.txt"
if [ ! -s "$WORK/pages.txt" ]; then
	: > "$WORK/pages.tmp"
	while [ "$(wc -c < "$WORK/pages.tmp")" -lt $((SIZE_MB * 1048576)) ]; do
		for p in tests/data/corpus/*.txt; do
			cat "$p"
			printf '\n\f\n'
		done >> "$WORK/pages.tmp"
	done
	mv "$WORK/pages.tmp" "$WORK/pages.txt"
fi
compare "sp-clean (a stream of pages)" "$WORK/pages.txt" 1.00 \
    "sp-clean" "iconv -f UTF-8 -t UTF-8"
compare "sp-clean (one document)" "$WORK/corpus.txt" 1.00 \
    "sp-clean 2>/dev/null" "iconv -f UTF-8 -t UTF-8"
compare "sp-clean --only decode" "$WORK/corpus.txt" 1.00 \
    "sp-clean --only decode 2>/dev/null" "iconv -f UTF-8 -t UTF-8"
# HTML pages (tests/data/labelled-web/html, the UTF-8 ones), parsed as
# pages, as a stream of documents: the html step's parser and the
# boilerplate model's HTML features.  No floor of its own yet: printed.
if [ ! -s "$WORK/html.txt" ]; then
	: > "$WORK/html.tmp"
	while [ "$(wc -c < "$WORK/html.tmp")" -lt $((SIZE_MB * 1048576)) ]; do
		for p in tests/data/labelled-web/html/*.html; do
			iconv -f UTF-8 -t UTF-8 "$p" > /dev/null 2>&1 || continue
			cat "$p"
			printf '\n\f\n'
		done >> "$WORK/html.tmp"
	done
	mv "$WORK/html.tmp" "$WORK/html.txt"
fi
compare "sp-clean (HTML pages)" "$WORK/html.txt" 0 \
    "sp-clean" "iconv -f UTF-8 -t UTF-8"
