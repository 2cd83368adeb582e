# bench/sp-outline.sh, sourced by bench/run: the heading tree and the
# numbering check against grep for 一、 headings on the same corpus
# (issue 5: at least half grep's speed, floor 0.50).
#
# grep's output goes through a pipe: straight to /dev/null, as compare
# sends it, GNU grep stops at the first match and times nothing.  The
# braces make compare's "< FILE" feed grep, not cat.
corpus "$WORK/corpus.txt"
# One untimed run of each first, so that neither is timed loading itself or
# the file into memory.
sp-outline < "$WORK/corpus.txt" > /dev/null
grep -E '^[一二三四五六七八九十]+、' < "$WORK/corpus.txt" | cat > /dev/null
compare "sp-outline (tree)" "$WORK/corpus.txt" 0.50 \
    "sp-outline" "{ grep -E '^[一二三四五六七八九十]+、' | cat; }"
compare "sp-outline -c" "$WORK/corpus.txt" 0.50 \
    "sp-outline -c" "{ grep -E '^[一二三四五六七八九十]+、' | cat; }"
# Every kind of page (bench/kinds.sh; issue 17's target: grep's speed).
kind_table "sp-outline" grep 1.00 "sp-outline" \
    "{ grep -E '^[一二三四五六七八九十]+、' | cat; }"
