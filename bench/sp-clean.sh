# bench/sp-clean.sh, sourced by bench/run: the default chain on UTF-8
# Chinese text against iconv -f UTF-8 -t UTF-8 on the same input (issue 3:
# at least as fast, floor 1.00).  Two framings of the same pages: the pages
# as a stream of documents, as a day's scrape arrives (form-feed lines
# between them), and one document without form feeds (cleaned in
# --max-unit pieces; the warning is discarded), whose boilerplate and hard
# wraps are weighed over the whole of each piece in one thread.
corpus "$WORK/corpus.txt"
pages=$(kind_file simplified)
compare "sp-clean (a stream of pages)" "$pages" 1.00 \
    "sp-clean" "iconv -f UTF-8 -t UTF-8"
compare "sp-clean (one document)" "$WORK/corpus.txt" 1.00 \
    "sp-clean 2>/dev/null" "iconv -f UTF-8 -t UTF-8"
compare "sp-clean --only decode" "$WORK/corpus.txt" 1.00 \
    "sp-clean --only decode 2>/dev/null" "iconv -f UTF-8 -t UTF-8"
# HTML pages (tests/data/labelled-web/html, the UTF-8 ones), parsed as
# pages, as a stream of documents: the html step's parser and the
# boilerplate model's HTML features.  No floor of its own yet: printed.
html=$(kind_file html)
compare "sp-clean (HTML pages)" "$html" 0 \
    "sp-clean" "iconv -f UTF-8 -t UTF-8"

# Every kind of page (bench/kinds.sh), on one core (-j1) and on all
# (-j$JOBS), against iconv in the same run (issue 17's targets: -j1 at
# least iconv's speed; -jN at least 0.8 N times -j1), and the peak memory
# of each run.  JSON Lines go through --jsonl, iconv reads the same bytes.
echo
printf '%s %s (targets printed, not asserted)\n' \
    "sp-clean -j1 and -j$JOBS against iconv -f UTF-8 -t UTF-8" "on every kind"
printf '  %-16s %7s %9s %9s %9s %15s %15s %20s\n' kind MB "-j1 MB/s" \
    "-j$JOBS MB/s" "iconv" "-j1/iconv" "-j$JOBS/-j1" "peak -j1/-j$JOBS/iconv"
printf '  %-16s %7s %9s %9s %9s %15s %15s\n' "" "" "" "" "" ">= 1.00" \
    ">= $(awk -v n="$JOBS" 'BEGIN { printf "%.2f", 0.8 * n }')"
for k in $KINDS; do
	f=$(kind_file "$k") || continue
	o=$(kind_opts "$k")
	race "$f" "sp-clean -j1 $o" "sp-clean -j$JOBS $o" "iconv -f UTF-8 -t UTF-8"
	awk -v k="$k" -v b="$(wc -c < "$f")" -v t1="$T1" -v tn="$T2" -v ti="$T3" \
	    -v n="$JOBS" -v p1="$(mib "$K1")" -v pn="$(mib "$K2")" \
	    -v pi="$(mib "$K3")" -v failed="$F1$F2$F3" 'BEGIN {
		mb = b / 1048576; r1 = mb / t1; rn = mb / tn; ri = mb / ti
		printf "  %-16s %7.1f %9.1f %9.1f %9.1f %9.2f %-5s %9.2f %-5s %20s%s\n",
		    k, mb, r1, rn, ri, r1 / ri, r1 / ri >= 1 ? "PASS" : "BELOW",
		    rn / r1, rn / r1 >= 0.8 * n ? "PASS" : "BELOW",
		    p1 "/" pn "/" pi " MB",
		    failed ~ /^0+$/ ? "" : "  (a run FAILED: see above)"
	}'
done
