# bench/sp-split.sh, sourced by bench/run: sp-split -s against sed splitting
# after 。！？ (the floor: at least as fast), on the same input.
corpus "$WORK/split-corpus.txt"
compare "sp-split -s" "$WORK/split-corpus.txt" 1.0 \
    "sp-split -s" "sed -E 's/([。！？])/\\1\\n/g'"
compare "sp-split -s --jsonl" "$WORK/split-corpus.txt" 0 \
    "sp-split -s --jsonl" "sed -E 's/([。！？])/\\1\\n/g'"
compare "sp-split -c 500" "$WORK/split-corpus.txt" 0 \
    "sp-split -c 500" "sed -E 's/([。！？])/\\1\\n/g'"
# Every kind of page (bench/kinds.sh; issue 17's target: twice sed's speed
# on each).
kind_table "sp-split -s" sed 2.00 "sp-split -s" "sed -E 's/([。！？])/\\1\\n/g'"
