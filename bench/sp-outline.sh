# bench/sp-outline.sh, sourced by bench/run: the heading tree and the
# numbering check against grep for 一、 headings on the same corpus
# (issue 5: at least half grep's speed, floor 0.50).  grep writes to a
# pipe: straight to /dev/null, as compare does, GNU grep stops at the first
# match and would time nothing.
corpus "$WORK/corpus.txt"
compare "sp-outline (tree)" "$WORK/corpus.txt" 0.50 \
    "sp-outline" "grep -E '^[一二三四五六七八九十]+、' | cat"
compare "sp-outline -c" "$WORK/corpus.txt" 0.50 \
    "sp-outline -c" "grep -E '^[一二三四五六七八九十]+、' | cat"
