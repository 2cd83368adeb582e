# bench/sp-clean.sh, sourced by bench/run: the default chain on UTF-8
# Chinese text against iconv -f UTF-8 -t UTF-8 on the same input (issue 3:
# at least as fast, floor 1.00).  The corpus is one document without form
# feeds, so it is cleaned in --max-unit pieces; the warning is discarded.
corpus "$WORK/corpus.txt"
compare "sp-clean (default chain)" "$WORK/corpus.txt" 1.00 \
    "sp-clean 2>/dev/null" "iconv -f UTF-8 -t UTF-8"
compare "sp-clean --only decode" "$WORK/corpus.txt" 1.00 \
    "sp-clean --only decode 2>/dev/null" "iconv -f UTF-8 -t UTF-8"
