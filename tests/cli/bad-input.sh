#!/usr/bin/env bash
# The bad-input matrix of issue 7 (README, "Bad input"): what actnet does
# with hostile or broken inputs, gazetteers and outputs. One case each,
# asserting the exit status, the message (naming the file, and the line
# where there is one) and that no output or temporary file is left behind.
# Cases already in run-cli-tests.sh are not repeated (see the list in the
# README). Prints TAP.
# Environment (set by meson): ACTNET_BIN, ACTNET_SOURCE_DIR; ACTNET_TEST_JOBS=N
# runs every reading command with --jobs N (the bad-input-jobs test: from 3
# jobs on, JSONL lines are decoded on a thread pool, a path of its own).
set -u

bin=${ACTNET_BIN:?}
real_bin=$bin
src=${ACTNET_SOURCE_DIR:?}
data=$src/tests/data
gaz=$data/cli-gazetteer.tsv
tmp=$(mktemp -d)
# Readable by an unprivileged user: the permission cases run as one.
chmod 755 "$tmp"
if [ -n "${ACTNET_TEST_JOBS:-}" ]; then
  # exec keeps the pid, so signals sent to a case reach actnet itself.
  cat >"$tmp/actnet-jobs" <<WRAPPER
#!/bin/sh
case "\$1" in
  build|count|rank|explain|mentions) cmd=\$1; shift; exec '$real_bin' "\$cmd" --jobs $ACTNET_TEST_JOBS "\$@" ;;
  *) exec '$real_bin' "\$@" ;;
esac
WRAPPER
  chmod 755 "$tmp/actnet-jobs"
  bin=$tmp/actnet-jobs
fi
pids=()
cleanup () {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
  chmod -R u+rwx "$tmp" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# check NAME COMMAND... : passes when COMMAND exits 0.
check () { local name=$1; shift; if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi; }
# Temporary files of the atomic writer ("OUT.tmp-XXXXXX") anywhere below $tmp.
leftovers () { find "$tmp" -name '*.tmp-*' 2>/dev/null; }
# expect_fail NAME CODE PATTERN OUTPUT COMMAND... : exit status CODE, stderr
# matching PATTERN (grep -E), OUTPUT (a path, or - for none) not created,
# no temporary file left. stdout goes to $tmp/out, stderr to $tmp/err.
expect_fail () {
  local name=$1 code=$2 pattern=$3 output=$4; shift 4
  [ "$output" != - ] && rm -f "$output" "$output.manifest.json"
  timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  local why=()
  [ "$rc" -eq "$code" ] || why+=("exit $rc (want $code)")
  grep -Eq -- "$pattern" "$tmp/err" || why+=("want stderr /$pattern/")
  [ "$output" = - ] || [ ! -e "$output" ] || why+=("$output was written")
  [ -z "$(leftovers)" ] || why+=("temporary files left: $(leftovers)")
  if [ ${#why[@]} -eq 0 ]; then ok "$name"
  else not_ok "$name" "${why[@]}" "stderr: $(head -c 600 "$tmp/err")"; fi
}
# expect_ok NAME PATTERN COMMAND... : exit 0 and stderr matching PATTERN
# ('' for anything); stdout in $tmp/out.
expect_ok () {
  local name=$1 pattern=$2; shift 2
  timeout 60 "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" -eq 0 ] && { [ -z "$pattern" ] || grep -Eq -- "$pattern" "$tmp/err"; }; then ok "$name"
  else not_ok "$name" "exit $rc (want 0)" "stderr: $(head -c 600 "$tmp/err")" "want stderr /$pattern/"; fi
}
# "${as_user[@]}" COMMAND... runs COMMAND where file permissions apply:
# directly when not root, else as nobody (setpriv); can_drop_privileges
# says whether either works.
as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
[ "$(id -u)" -ne 0 ] && as_user=()
can_drop_privileges () {
  [ "$(id -u)" -ne 0 ] || { command -v setpriv >/dev/null && "${as_user[@]}" test -x "$tmp"; }
}

printf 'Libya and Chad met in Tripoli.\n' >"$tmp/good.txt"
# Time limits are for a plain build; sanitizers (scripts/test) slow it down.
slow=1
ldd "$real_bin" 2>/dev/null | grep -Eq 'libasan|libubsan|libtsan' && slow=5

# --- inputs that are not text files ------------------------------------------
expect_fail "missing input file: exit 1, named, no output" 1 "missing\.txt: No such file or directory" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/good.txt" "$tmp/missing.txt"

if can_drop_privileges; then
  mkdir -p "$tmp/locked" && cp "$tmp/good.txt" "$tmp/locked/a.txt"
  mkdir -p "$tmp/open" && cp "$tmp/good.txt" "$tmp/open/b.txt" && cp "$tmp/good.txt" "$tmp/open/c.txt"
  chmod 000 "$tmp/locked" "$tmp/open/c.txt"
  chmod 777 "$tmp/open"   # the output may be written beside them
  expect_fail "directory without read permission: exit 1, named" 1 "locked: Permission denied" \
    "$tmp/open/o.graphml" "${as_user[@]}" "$bin" build -q -g "$gaz" -o "$tmp/open/o.graphml" "$tmp/locked"
  expect_fail "unreadable file in a directory: exit 1, named" 1 "open/c\.txt: Permission denied" \
    "$tmp/open/o.graphml" "${as_user[@]}" "$bin" build -q -g "$gaz" -o "$tmp/open/o.graphml" "$tmp/open"
  expect_ok "unreadable file under --keep-going: skipped with a warning and a count" \
    "warning: skipped .*open/c\.txt: Permission denied" \
    "${as_user[@]}" "$bin" mentions --keep-going -g "$gaz" "$tmp/open"
  grep -q "1 document skipped" "$tmp/err" && [ "$(tail -n +2 "$tmp/out" | cut -f1 | sort -u)" = "$tmp/open/b.txt" ] \
    && ok "... and the readable file is still read" || not_ok "... and the readable file is still read" "$(cat "$tmp/out" "$tmp/err")"
  chmod 755 "$tmp/locked" "$tmp/open"; chmod 644 "$tmp/open/c.txt"
else
  for c in "directory without read permission" "unreadable file in a directory" "unreadable file under --keep-going" "... and the readable file"; do
    skip "$c" "running as root without setpriv: permissions do not apply"; done
fi

mkfifo "$tmp/feed.txt"
printf 'Libya and Chad met in Tripoli.\n' >"$tmp/feed.txt" 2>/dev/null & pids+=($!)
expect_ok "a FIFO is read as a stream (process substitution works)" "" \
  "$bin" mentions -g "$gaz" "$tmp/feed.txt"
check "... with the same mentions as the file" bash -c "[ \"\$(cut -f2-5 '$tmp/out')\" = \"\$('$bin' mentions -g '$gaz' '$tmp/good.txt' | cut -f2-5)\" ]"
# A writer that never stops: the size limit ends the read, no hang.
yes 'Libya and Chad met in Tripoli.' >"$tmp/feed.txt" 2>/dev/null & pids+=($!)
expect_fail "an endless FIFO stops at the maximum document size" 1 \
  "feed\.txt: document larger than the maximum document size \(1\.0 MiB" "$tmp/o.graphml" \
  "$bin" build -q -g "$gaz" --max-document-size 1M -o "$tmp/o.graphml" "$tmp/feed.txt"
expect_fail "/dev/zero is refused at once (a device, not a file)" 1 \
  "/dev/zero: not a regular file \(character device\)" "$tmp/o.graphml" \
  "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" /dev/zero
expect_fail "/dev/null is refused too" 1 "/dev/null: not a regular file \(character device\)" \
  - "$bin" mentions -g "$gaz" /dev/null
expect_fail "a device as gazetteer is refused" 1 "/dev/zero: not a regular file \(character device\)" \
  - "$bin" mentions -g /dev/zero "$tmp/good.txt"

# --- empty input ---------------------------------------------------------------
: >"$tmp/empty.txt"
expect_ok "an empty file is read, with a warning" "warning: .*empty\.txt: empty document \(no text\)" \
  "$bin" build -g "$gaz" -o "$tmp/e.graphml" "$tmp/empty.txt"
grep -q '^1 documents, 0 mentions' "$tmp/out" && xmllint --noout "$tmp/e.graphml" \
  && ok "... counted as a document; the (empty) graph is written" || not_ok "... counted as a document" "$(cat "$tmp/out")"
printf '{"id": "a", "text": ""}\n{"id": "b", "text": "Libya"}\n{"id": "c", "text": " \\n "}\n' >"$tmp/blank.jsonl"
expect_ok "empty JSONL texts: one warning with the count and the first" \
  "warning: 2 empty documents \(no text\), the first a" "$bin" mentions -g "$gaz" "$tmp/blank.jsonl"
mkdir -p "$tmp/nothing" "$tmp/other" && echo 'not a corpus file' >"$tmp/other/notes.pdf"
expect_fail "an empty corpus (directory without files) is an error" 1 \
  "nothing: no corpus files in this directory" "$tmp/o.graphml" \
  "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/nothing"
expect_fail "a directory without corpus files is an error" 1 "other: no corpus files in this directory" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/other"
mkdir -p "$tmp/texts" && cp "$tmp/good.txt" "$tmp/texts/a.txt"
expect_fail "--include matching nothing is an error" 1 "texts: no corpus files in this directory .*matching --include" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" --include '*.md' -o "$tmp/o.graphml" "$tmp/texts"

# --- bytes that are not UTF-8 text ----------------------------------------------
printf '{"id": 1, "text": "ok"}\n{"id": 2, "text": "a\0b"}\n' >"$tmp/nul.jsonl"
expect_fail "NUL bytes in a JSONL line: file, line, column" 1 "nul\.jsonl:2: binary data \(NUL byte at column 21\)" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/nul.jsonl"
printf 'fine\nover\xc0\x80long\n' >"$tmp/overlong.txt"
expect_fail "an overlong UTF-8 form (C0 80) is refused: file, line" 1 "overlong\.txt:2: invalid UTF-8 \(byte 0xC0 at column 5\)" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/overlong.txt"
printf 'fine\n\nlone \xed\xa0\x80 surrogate\n' >"$tmp/surrogate.txt"
expect_fail "a lone surrogate encoded as UTF-8 (ED A0 80) is refused" 1 "surrogate\.txt:3: invalid UTF-8 \(byte 0xED at column 6\)" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/surrogate.txt"
printf 'Libya \xe2\x82' >"$tmp/truncated.txt"
expect_fail "a truncated sequence at the end is refused" 1 "truncated\.txt:1: invalid UTF-8 \(byte 0xE2 at column 7\)" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/truncated.txt"
printf '{"text": "ok"}\n{"text": "bad \xed\xb0\x80"}\n' >"$tmp/surrogate.jsonl"
expect_fail "invalid UTF-8 in JSONL: file and line" 1 "surrogate\.jsonl:2: invalid UTF-8" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/surrogate.jsonl"
printf '{"text": "ok"}\n{"text": "bad \\ud800 escape"}\n' >"$tmp/escape.jsonl"
expect_fail "a lone surrogate escape (\\ud800) in JSONL is refused" 1 "escape\.jsonl:2: " \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/escape.jsonl"

# --- BOM and CRLF work, offsets kept ---------------------------------------------
printf '\xef\xbb\xbfLibya and Chad.\n' >"$tmp/bom.txt"
check "a UTF-8 BOM: read, offsets count its 3 bytes" \
  bash -c "[ \"\$('$bin' mentions -g '$gaz' '$tmp/bom.txt' | cut -f2-5 | tail -n +2 | tr '\t\n' ' ;')\" = '3 8 Libya libya;13 17 Chad chad;' ]"
printf '\xef\xbb\xbf{"id": "x", "text": "Libya"}\n' >"$tmp/bom.jsonl"
check "a UTF-8 BOM before the first JSONL line" bash -c "'$bin' mentions -g '$gaz' '$tmp/bom.jsonl' | grep -q \$'^x\\t0\\t5\\tLibya'"
printf 'Libya met\r\nChad.\r\n' >"$tmp/crlf.txt"
check "CRLF line ends: read, byte offsets into the file" \
  bash -c "[ \"\$('$bin' mentions -g '$gaz' '$tmp/crlf.txt' | cut -f2-4 | tail -n +2 | tr '\t\n' ' ;')\" = '0 5 Libya;11 15 Chad;' ]"
printf '{"id": "a", "text": "Libya"}\r\n{"id": "b", "text": "Chad"}\r\n' >"$tmp/crlf.jsonl"
check "CRLF JSONL lines" bash -c "[ \"\$('$bin' mentions -g '$gaz' '$tmp/crlf.jsonl' | cut -f1,4 | tail -n +2 | tr '\t\n' ' ;')\" = 'a Libya;b Chad;' ]"

# --- size: huge documents, long words, many documents --------------------------
# 200 MiB on one line: refused before reading (a file) or after at most the
# limit (a JSONL line); memory stays far below the input's size.
yes 'Libya and Chad met in Tripoli.' | tr '\n' ' ' | head -c 209715200 >"$tmp/huge.txt"
{ printf '{"id": "huge", "text": "'; cat "$tmp/huge.txt"; printf '"}\n{"id": "next", "text": "Libya and Chad."}\n'; } >"$tmp/huge.jsonl"
rm -f "$tmp/huge.txt.rss"
start=$(date +%s)
expect_fail "a 200 MB single-line text file: refused by its size" 1 \
  "huge\.txt: document larger than the maximum document size \(200\.0 MiB > 64\.0 MiB; see --max-document-size\)" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/huge.txt"
if [ -x /usr/bin/time ]; then
  expect_fail "a 200 MB JSONL line: refused, file and line named" 1 \
    "huge\.jsonl:1: line longer than the maximum document size \(64\.0 MiB" \
    "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/huge.jsonl"
  # Under a 4 MiB limit the line costs at most 4 MiB: far below its size.
  /usr/bin/time -o "$tmp/rss" -f %M "$bin" mentions -g "$gaz" --max-document-size 4M "$tmp/huge.jsonl" >/dev/null 2>&1
  rss=$(tail -1 "$tmp/rss")
  [ "$rss" -lt 120000 ] && ok "... without reading the line into memory (max RSS ${rss} kB under a 4 MiB limit)" \
    || not_ok "... without reading the line into memory" "max RSS $rss kB"
else
  expect_fail "a 200 MB JSONL line: refused, file and line named" 1 "huge\.jsonl:1: line longer than the maximum" \
    "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/huge.jsonl"
  skip "... without reading the line into memory" "no /usr/bin/time"
fi
expect_ok "--keep-going skips the 200 MB line and reads the next one" \
  "warning: skipped .*huge\.jsonl:1: line longer than the maximum document size" \
  "$bin" mentions --keep-going -g "$gaz" "$tmp/huge.jsonl"
[ "$(tail -n +2 "$tmp/out" | cut -f1 | sort -u)" = next ] && ok "... (its mentions come from the next line)" \
  || not_ok "... (its mentions come from the next line)" "$(head -5 "$tmp/out")"
elapsed=$(( $(date +%s) - start ))
[ "$elapsed" -lt $((20 * slow)) ] && ok "the 200 MB cases fail fast (${elapsed}s)" || not_ok "the 200 MB cases fail fast" "${elapsed}s"
expect_fail "200 MB on standard input: stops at the limit" 1 \
  "^actnet: -: document larger than the maximum document size" - "$bin" mentions -g "$gaz" - <"$tmp/huge.txt"
rm -f "$tmp/huge.txt" "$tmp/huge.jsonl"
# Raising the limit: a 2 MiB document, refused under 1M, read under 4M.
yes 'Libya and Chad met in Tripoli.' | tr '\n' ' ' | head -c 2097152 >"$tmp/two.txt"
expect_fail "--max-document-size 1M refuses a 2 MiB document" 1 \
  "two\.txt: document larger than the maximum document size \(2\.0 MiB > 1\.0 MiB" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" --max-document-size 1M -o "$tmp/o.graphml" "$tmp/two.txt"
check "--max-document-size 4M reads it" bash -c "'$bin' build -g '$gaz' --max-document-size 4M '$tmp/two.txt' | grep -q '^1 documents, 202950 mentions, 3 actors, 3 edges'"
expect_fail "a bad --max-document-size is a usage error" 2 "--max-document-size: invalid size '12Q'" \
  - "$bin" build -g "$gaz" --max-document-size 12Q "$tmp/good.txt"

{ printf 'Libya '; head -c 1048576 /dev/zero | tr '\0' 'x'; printf ' Chad.\n'; } >"$tmp/longword.txt"
start=$(date +%s)
check "a 1 MB word: read, mentions on both sides at the right offsets" \
  bash -c "[ \"\$('$bin' mentions -g '$gaz' '$tmp/longword.txt' | cut -f2-4 | tail -n +2 | tr '\t\n' ' ;')\" = '0 5 Libya;1048583 1048587 Chad;' ]"
elapsed=$(( $(date +%s) - start ))
[ "$elapsed" -lt $((10 * slow)) ] && ok "... quickly (${elapsed}s)" || not_ok "... quickly" "${elapsed}s"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "{\"id\": \"d%d\", \"text\": \"Libya and Chad met %d times.\"}\n", i, i }' >"$tmp/many.jsonl"
start=$(date +%s)
check "100k tiny JSONL documents" bash -c "'$bin' build -g '$gaz' '$tmp/many.jsonl' | grep -q '^100000 documents, 200000 mentions, 2 actors, 1 edges'"
elapsed=$(( $(date +%s) - start ))
[ "$elapsed" -lt $((15 * slow)) ] && ok "... finish quickly (${elapsed}s)" || not_ok "... finish quickly" "${elapsed}s"

# --- broken JSONL -------------------------------------------------------------------
printf '{"id": "a", "text": "Libya"}\n{"id": "b", "text": "Chad"\n{"id": "c", "text": "Chad"}\n' >"$tmp/broken.jsonl"
expect_fail "a broken JSONL line: file, line, column" 1 "broken\.jsonl:2: invalid JSON at column" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/broken.jsonl"
expect_ok "... skipped under --keep-going, with the lines before and after read" "warning: skipped .*broken\.jsonl:2: " \
  "$bin" mentions --keep-going -g "$gaz" "$tmp/broken.jsonl"
[ "$(tail -n +2 "$tmp/out" | cut -f1 | tr '\n' ' ')" = "a c " ] && ok "... (documents a and c)" \
  || not_ok "... (documents a and c)" "$(cat "$tmp/out")"
printf '{"id": "a", "text": 42}\n' >"$tmp/number.jsonl"
expect_fail "a non-string \"text\" is refused" 1 'number\.jsonl:1: "text" is not a string' \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/number.jsonl"
printf '{"id": ["a"], "text": "Libya"}\n' >"$tmp/idlist.jsonl"
expect_fail "a non-string \"id\" is refused" 1 'idlist\.jsonl:1: "id" is not a string or an integer' \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/idlist.jsonl"
printf '["Libya"]\n' >"$tmp/array.jsonl"
expect_fail "a JSONL line that is not an object is refused" 1 'array\.jsonl:1: not a JSON object' \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/array.jsonl"
awk 'BEGIN { d = 100000; printf "{\"text\": \"Libya\", \"x\": "; for (i = 0; i < d; i++) printf "["; for (i = 0; i < d; i++) printf "]"; print "}" }' >"$tmp/deep.jsonl"
expect_fail "100k nested arrays: refused, no crash" 1 "deep\.jsonl:1: JSON nested deeper than 1000 levels" \
  "$tmp/o.graphml" "$bin" build -q -g "$gaz" -o "$tmp/o.graphml" "$tmp/deep.jsonl"
awk 'BEGIN { d = 100000; printf "{\"label\": \"X\", \"pattern\": "; for (i = 0; i < d; i++) printf "{\"a\": "; printf "1"; for (i = 0; i < d; i++) printf "}"; print "}" }' >"$tmp/deep-patterns.jsonl"
expect_fail "100k nested objects in a spaCy gazetteer: refused, no crash" 1 \
  "deep-patterns\.jsonl:1: JSON nested deeper than 1000 levels" - \
  "$bin" mentions -g "$tmp/deep-patterns.jsonl" "$tmp/good.txt"
awk 'BEGIN { d = 500; printf "{\"text\": \"Libya\", \"x\": "; for (i = 0; i < d; i++) printf "["; for (i = 0; i < d; i++) printf "]"; print "}" }' >"$tmp/nested.jsonl"
check "500 nested arrays are fine" bash -c "'$bin' mentions -g '$gaz' '$tmp/nested.jsonl' | grep -q Libya"

# --- gazetteers -----------------------------------------------------------------------
printf 'id\ttype\tlabel\taliases\nlibya\tplace\n' >"$tmp/g-columns.tsv"
expect_fail "gazetteer: wrong column count, file and line" 1 \
  "g-columns\.tsv:2: expected 3 or 4 tab-separated columns .*found 2" - "$bin" mentions -g "$tmp/g-columns.tsv" "$tmp/good.txt"
printf 'id\ttype\tlabel\taliases\nlibya\tplace\tLibya\tLibia||Libye\n' >"$tmp/g-empty.tsv"
expect_fail "gazetteer: empty alias" 1 "g-empty\.tsv:2: empty alias" - "$bin" mentions -g "$tmp/g-empty.tsv" "$tmp/good.txt"
printf 'id\ttype\tlabel\taliases\nlibya place Libya Libia\n' >"$tmp/g-spaces.tsv"
expect_fail "gazetteer: spaces for tabs are an error with the reason" 1 \
  "g-spaces\.tsv:2: .*found 1; columns must be separated by tabs" - \
  "$bin" mentions -g "$tmp/g-spaces.tsv" "$tmp/good.txt"
printf 'id\ttype\tlabel\taliases\nlibya\tplace\tLibya  Libia\n' >"$tmp/g-mixed.tsv"
expect_ok "gazetteer: a tab typed as spaces inside a line is a warning" \
  "warning: g-mixed\.tsv:2: run of spaces in the label column \('Libya  Libia'\)" \
  bash -c "cd '$tmp' && '$bin' mentions -g g-mixed.tsv good.txt"
printf 'id\ttype\tlabel\taliases\nlibya\tplace\tLibya\nchad\tplace\tChad\nlibya\tplace\tLibia\n' >"$tmp/g-dup.tsv"
expect_fail "gazetteer: duplicate id, both places named" 1 \
  "g-dup\.tsv:4: duplicate id 'libya' \(first defined at .*g-dup\.tsv:2\)" - \
  "$bin" mentions -g "$tmp/g-dup.tsv" "$tmp/good.txt"
awk 'BEGIN { printf "id\ttype\tlabel\taliases\nx\tperson\tX\t"; for (i = 0; i < 1001; i++) printf "a"; print "" }' >"$tmp/g-long.tsv"
expect_fail "gazetteer: an alias over 1000 bytes, named with the option to raise it" 1 \
  "g-long\.tsv:2: alias longer than the maximum alias length \(1001 bytes > 1000; see --max-alias-length\)" - \
  "$bin" mentions -g "$tmp/g-long.tsv" "$tmp/good.txt"
expect_ok "--max-alias-length 2000 loads it" "" "$bin" mentions --max-alias-length 2000 -g "$tmp/g-long.tsv" "$tmp/good.txt"

# 1M aliases: 200k actors of 5 names each.
awk 'BEGIN { print "id\ttype\tlabel\taliases"; for (i = 0; i < 200000; i++) printf "p%d\tperson\tPerson%d Name%d\tAlias%da|Alias%db|Alias%dc|Alias%dd\n", i, i, i, i, i, i, i }' >"$tmp/g-million.tsv"
printf 'Person7 Name7 met Alias199999d.\n' >"$tmp/million.txt"
start=$(date +%s)
check "gazetteer with 1M aliases: loads and matches" bash -c \
  "[ \"\$('$bin' mentions -g '$tmp/g-million.tsv' '$tmp/million.txt' | cut -f5 | tail -n +2 | tr '\n' ' ')\" = 'p7 p199999 ' ]"
elapsed=$(( $(date +%s) - start ))
[ "$elapsed" -lt $((30 * slow)) ] && ok "... in reasonable time (${elapsed}s)" || not_ok "... in reasonable time" "${elapsed}s"
rm -f "$tmp/g-million.tsv"

# Names with control characters, XML specials, quotes, RTL text, emoji and
# combining marks: they load, match, and the graph files stay well-formed.
printf 'id\ttype\tlabel\taliases\nctl\tperson\tBad\001Name\tCtl\177Alias\namp\torganization\tAT&T\tAT&T Inc\nlt\torganization\t<Tag> Corp\tA<B\nquo\tperson\tJohn "Q" O'"'"'Neil\t"Quoted"\nrtl\tplace\t\330\267\330\261\330\247\330\250\331\204\330\263\t\327\236\327\223\327\231\327\240\327\224\nemo\tperson\tRocket \360\237\232\200 Man\t\360\237\232\200 Rocket\ncomb\tplace\tCafe\314\201 Mu\314\210nchen\tZu\314\210rich\n' >"$tmp/g-weird.tsv"
printf 'Bad\001Name met AT&T and A<B with John "Q" O'"'"'Neil in \330\267\330\261\330\247\330\250\331\204\330\263 and \327\236\327\223\327\231\327\240\327\224. Rocket \360\237\232\200 Man saw Cafe\314\201 Mu\314\210nchen, Zu\314\210rich and Ctl\177Alias.\n' >"$tmp/weird.txt"
check "odd names load and match (control characters, & < quotes, RTL, emoji, combining marks)" bash -c \
  "[ \"\$('$bin' mentions -g '$tmp/g-weird.tsv' '$tmp/weird.txt' | cut -f5 | tail -n +2 | tr '\n' ' ')\" = 'ctl amp lt quo rtl rtl emo comb comb ctl ' ]"
if "$bin" build -q -g "$tmp/g-weird.tsv" --window document -o "$tmp/weird.graphml" "$tmp/weird.txt" 2>"$tmp/err" \
   && "$bin" export "$tmp/weird.graphml" -o "$tmp/weird.gexf" 2>>"$tmp/err"; then
  check "... GraphML with them is well-formed (xmllint)" xmllint --noout "$tmp/weird.graphml"
  check "... GEXF with them is well-formed (xmllint)" xmllint --noout "$tmp/weird.gexf"
  check "... the labels survive (RTL, emoji, combining marks, escaped &)" bash -c \
    "grep -q 'Rocket 🚀 Man' '$tmp/weird.graphml' && grep -q 'طرابلس' '$tmp/weird.graphml' && grep -q \$'Cafe\\xcc\\x81' '$tmp/weird.graphml' && grep -q 'AT&amp;T' '$tmp/weird.gexf'"
else
  not_ok "... GraphML and GEXF with them" "$(cat "$tmp/err")"
fi

# --- outputs ----------------------------------------------------------------------
if can_drop_privileges; then
  mkdir -p "$tmp/readonly" && echo previous >"$tmp/readonly/keep.graphml" && chmod 555 "$tmp/readonly"
  expect_fail "unwritable output directory: exit 1, named, previous output kept" 1 \
    "readonly/keep\.graphml: cannot create output file: Permission denied" - \
    "${as_user[@]}" "$bin" build -q -g "$gaz" -o "$tmp/readonly/keep.graphml" "$tmp/good.txt"
  [ "$(cat "$tmp/readonly/keep.graphml")" = previous ] && ok "... previous output untouched" \
    || not_ok "... previous output untouched"
  chmod 755 "$tmp/readonly"
else
  skip "unwritable output directory" "running as root without setpriv"; skip "... previous output untouched" "see above"
fi

# Disk full: over the file size limit write() fails (EFBIG; actnet ignores
# SIGXFSZ). A tmpfs would need mount rights; the limit needs none.
echo previous >"$tmp/full.graphml"
expect_fail "file size limit (disk full): exit 1, reason named" 1 "full\.graphml: write error: File too large" - \
  bash -c "ulimit -f 1 && exec '$bin' build -q -g '$gaz' -o '$tmp/full.graphml' '$data/cli-text.md'"
[ "$(cat "$tmp/full.graphml")" = previous ] && [ ! -e "$tmp/full.graphml.manifest.json" ] \
  && ok "... previous output untouched, no manifest" || not_ok "... previous output untouched" "$(head -c 200 "$tmp/full.graphml")"
# The streamed writers of the other one-file formats fail the same way.
for ext in gexf json; do
  echo previous >"$tmp/full.$ext"
  expect_fail "file size limit on the .$ext writer: exit 1, reason named" 1 "full\.$ext: write error: File too large" - \
    bash -c "ulimit -f 1 && exec '$bin' build -q -g '$gaz' -o '$tmp/full.$ext' '$data/cli-text.md'"
  [ "$(cat "$tmp/full.$ext")" = previous ] && ! ls "$tmp" | grep -q "^full\.$ext\..*tmp" \
    && ok "... previous .$ext untouched, no temporary file" || not_ok "... previous .$ext untouched" "$(ls "$tmp")"
done
# The CSV pair of the sample (nodes 14 KB, edges 53 KB): whichever table
# cannot be written, neither is replaced.
for limit in 1:nodes 20:edges; do
  echo previous >"$tmp/full.nodes.csv"; echo previous >"$tmp/full.edges.csv"
  expect_fail "file size limit on the CSV $limit table: exit 1, reason named" 1 \
    "full\.${limit#*:}\.csv: write error: File too large" - \
    bash -c "ulimit -f ${limit%:*} && exec '$bin' build -q -o '$tmp/full.csv' '$src/data/sample'"
  [ "$(cat "$tmp/full.nodes.csv" "$tmp/full.edges.csv")" = "$(printf 'previous\nprevious')" ] \
    && ! ls "$tmp" | grep -q "^full\..*csv\.tmp" \
    && ok "... both previous tables untouched, no temporary file" || not_ok "... previous tables untouched" "$(ls "$tmp")"
done
# A real ENOSPC: a 16 KiB tmpfs in a private mount namespace, nearly full.
mkdir -p "$tmp/small"
unshare_args=(-m); [ "$(id -u)" -ne 0 ] && unshare_args=(-r -m)
unshare "${unshare_args[@]}" bash -c '
  mount -t tmpfs -o size=16k tmpfs "$1" 2>/dev/null || exit 77
  echo previous >"$1/keep.graphml"
  head -c 8192 /dev/zero >"$1/filler"
  "$2" build -q -g "$3" -o "$1/keep.graphml" "$4" 2>"$5"; rc=$?
  [ "$rc" -eq 1 ] || { echo "exit $rc (want 1)"; exit 1; }
  grep -q "keep\.graphml: write error: No space left on device" "$5" || { cat "$5"; exit 1; }
  [ "$(cat "$1/keep.graphml")" = previous ] || { echo "the previous output changed"; exit 1; }
  ! ls "$1" | grep -q "tmp-" || { ls "$1"; exit 1; }' \
  _ "$tmp/small" "$bin" "$gaz" "$data/cli-text.md" "$tmp/err" >"$tmp/out" 2>&1
case $? in
  0) ok "disk full (a full tmpfs): exit 1, ENOSPC named, previous output untouched, no temporary file" ;;
  77) skip "disk full (a full tmpfs)" "cannot mount a tmpfs here (ulimit -f above stands in)" ;;
  *) if grep -q "unshare:" "$tmp/out"; then skip "disk full (a full tmpfs)" "no private mount namespace: $(head -1 "$tmp/out")"
     else not_ok "disk full (a full tmpfs)" "$(cat "$tmp/out")"; fi ;;
esac
echo previous >"$tmp/full.tsv"
expect_fail "file size limit on another writer (gazetteer import)" 1 "full\.tsv: write error: File too large" - \
  bash -c "ulimit -f 1 && exec '$bin' gazetteer import -o '$tmp/full.tsv' '$src/data/gazetteers/libya.tsv'"
[ "$(cat "$tmp/full.tsv")" = previous ] && ok "... previous output untouched" || not_ok "... previous output untouched"

# SIGINT. A job started with & by a non-interactive shell ignores SIGINT
# (and actnet keeps a signal ignored as it found it): start with the
# default disposition.
if env --default-signal=INT true 2>/dev/null; then default_int=(env --default-signal=INT)
else default_int=("$(command -v python3)" -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])'); fi

# While reading: the input is a FIFO whose writer never writes.
mkfifo "$tmp/stall.txt"
sleep 60 >"$tmp/stall.txt" 2>/dev/null & pids+=($!)
echo previous >"$tmp/int.graphml"
"${default_int[@]}" "$bin" build -q -g "$gaz" -o "$tmp/int.graphml" "$tmp/stall.txt" 2>"$tmp/err" &
pid=$!
sleep 0.5
kill -INT "$pid"; wait "$pid"; rc=$?
if [ "$rc" -eq 130 ] && [ "$(cat "$tmp/int.graphml")" = previous ] && [ -z "$(leftovers)" ]; then
  ok "SIGINT while reading: status 130, previous output untouched, no temporary file"
else not_ok "SIGINT while reading" "exit $rc" "$(head -c 100 "$tmp/int.graphml")" "left: $(leftovers)"; fi

# While writing: the temporary file exists when the signal comes (the
# process is stopped as soon as it is seen, then interrupted).
awk 'BEGIN { for (i = 0; i < 500000; i++) printf "{\"id\": \"d%d\", \"text\": \"Libya and Chad met %d times.\"}\n", i, i }' >"$tmp/int.jsonl"
echo previous >"$tmp/int.graphml"; echo previous >"$tmp/int-evidence.jsonl"
caught=no
for attempt in 1 2 3; do
  "${default_int[@]}" "$bin" build -q -g "$gaz" --evidence "$tmp/int-evidence.jsonl" -o "$tmp/int.graphml" "$tmp/int.jsonl" 2>"$tmp/err" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && ! compgen -G "$tmp/int-evidence.jsonl.tmp-*" >/dev/null; do :; done
  kill -STOP "$pid" 2>/dev/null
  if compgen -G "$tmp/int-evidence.jsonl.tmp-*" >/dev/null; then
    caught=yes; kill -INT "$pid"; kill -CONT "$pid"; wait "$pid"; rc=$?; break
  fi
  kill -CONT "$pid" 2>/dev/null; wait "$pid"
  echo previous >"$tmp/int.graphml"; echo previous >"$tmp/int-evidence.jsonl"
done
if [ "$caught" = no ]; then
  skip "SIGINT while writing" "the output was never caught half-written in 3 runs"
elif [ "$rc" -eq 130 ] && [ "$(cat "$tmp/int.graphml")" = previous ] \
     && [ "$(cat "$tmp/int-evidence.jsonl")" = previous ] && [ -z "$(leftovers)" ]; then
  ok "SIGINT while writing: status 130, temporary file removed, previous outputs untouched"
else not_ok "SIGINT while writing" "exit $rc" "left: $(leftovers)" "$(cat "$tmp/err")"; fi
rm -f "$tmp/int.jsonl"

echo "1..$n"
[ "$failed" -eq 0 ]
