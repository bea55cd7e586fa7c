#!/usr/bin/env bash
# CLI cases: the actnet tool as a user runs it. Prints TAP.
# Environment (set by meson): ACTNET_BIN, ACTNET_SOURCE_DIR, ACTNET_SHARED_DIR.
set -u

bin=${ACTNET_BIN:?}
src=${ACTNET_SOURCE_DIR:?}
shared=${ACTNET_SHARED_DIR:-$src/../shared}
data=$src/tests/data
python=/usr/bin/python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=$((failed + 1)); echo "not ok $n - $1"; shift; for l in "$@"; do echo "# $l"; done; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# check NAME COMMAND... : passes when COMMAND exits 0.
check () { local name=$1; shift; if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi; }
# expect_exit NAME CODE PATTERN COMMAND... : exit status CODE and stderr matching PATTERN.
expect_exit () {
  local name=$1 code=$2 pattern=$3; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" -eq "$code" ] && grep -Eq -- "$pattern" "$tmp/err"; then ok "$name"
  else not_ok "$name" "exit $rc (want $code)" "stderr: $(head -c 600 "$tmp/err")" "want stderr /$pattern/"; fi
}
has_networkx () { "$python" -c 'import networkx' 2>/dev/null; }

# --- help and usage -------------------------------------------------------
check "actnet --help lists the commands" bash -c "'$bin' --help | grep -q 'build' && '$bin' --help | grep -q 'mentions'"
for cmd in build rank mentions; do
  check "actnet $cmd --help exits 0 and shows usage" bash -c "'$bin' $cmd --help | grep -q 'actnet $cmd'"
done
check "actnet --version" bash -c "'$bin' --version | grep -Eq '^actnet [0-9]+\\.[0-9]+'"
expect_exit "unknown command is a usage error" 2 "unknown command 'frobnicate'" "$bin" frobnicate
expect_exit "unknown option is a usage error" 2 "Unknown option --nope" "$bin" build --nope x
expect_exit "build without INPUT is a usage error" 2 "no INPUT" "$bin" build
expect_exit "bad window is a usage error" 2 "invalid window 'sideways'" "$bin" build --window sideways "$data/cli-text.md"
expect_exit "unknown rank measure" 2 "unknown measure 'fame'" "$bin" rank --by fame "$data/cli-text.md"
expect_exit "unknown rank format" 2 "unknown format 'xml'" "$bin" rank --format xml "$data/cli-text.md"

# --- mentions: offsets, normalisation, case policy ------------------------
if "$bin" mentions -g "$data/cli-gazetteer.tsv" "$data/cli-text.md" >"$tmp/m.tsv" 2>"$tmp/err"; then
  if diff -u "$data/cli-text.mentions.tsv" <(sed "s#^$data/##" "$tmp/m.tsv") >"$tmp/diff"; then
    ok "mentions of a crafted text match the golden TSV"
  else not_ok "mentions of a crafted text match the golden TSV" "$(head -40 "$tmp/diff")"; fi
  # Every start/end must cut the original file at the reported surface.
  if "$python" - "$data/cli-text.md" "$tmp/m.tsv" <<'PY'
import sys, re
data = open(sys.argv[1], "rb").read()
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")][1:]
assert rows, "no mentions"
for doc, s, e, surface, *_ in rows:
    got = re.sub(r"\s+", " ", data[int(s):int(e)].decode("utf-8"))
    assert got == surface, (s, e, got, surface)
PY
  then ok "mention offsets are byte offsets into the original file"
  else not_ok "mention offsets are byte offsets into the original file"; fi
else not_ok "mentions of a crafted text" "$(cat "$tmp/err")"; fi

check "mentions reads JSONL with ids and offsets into the text field" bash -c \
  "'$bin' mentions -g '$data/cli-gazetteer.tsv' '$data/cli-articles.jsonl' | awk -F'\t' 'NR==2 && \$1==\"a1\" && \$2==0 && \$3==6 {a=1} \$1==\"7\" && \$4==\"Chad\" {b=1} END {exit !(a && b)}'"
check "mentions reads standard input" bash -c \
  "printf 'NATO and Libya.' | '$bin' mentions -g '$data/cli-gazetteer.tsv' - | grep -q \$'^-\\t9\\t14\\tLibya'"
check "mentions uses the bundled gazetteer without -g" bash -c \
  "printf 'Qaddafi and the NTC met in Benghazi.' | '$bin' mentions - | cut -f5 | grep -qx 'muammar_gaddafi'"
printf 'id\ttype\tlabel\taliases\nmuammar\tperson\tMuammar Gaddafi\tGaddafi\nsaif\tperson\tSaif al-Islam Gaddafi\tGaddafi\n' >"$tmp/family.tsv"
check "an ambiguous family name follows the last full mention" bash -c \
  "printf 'Gaddafi ruled. Saif al-Islam Gaddafi was held. Gaddafi faces trial.' | '$bin' mentions -g '$tmp/family.tsv' - 2>'$tmp/family.err' | cut -f5 | tr '\\n' ' ' | grep -qx 'id muammar saif saif ' && grep -q \"family.tsv:3: ambiguous alias 'Gaddafi'\" '$tmp/family.err'"

# --- bad input: clear message naming file and line, non-zero exit ----------
expect_exit "missing input file" 1 "no-such-file.txt: No such file" "$bin" mentions -g "$data/cli-gazetteer.tsv" "$tmp/no-such-file.txt"
printf 'good line\nbad \xff byte\n' >"$tmp/bad.txt"
expect_exit "invalid UTF-8 names file and line" 1 "bad.txt:2: invalid UTF-8" "$bin" build -g "$data/cli-gazetteer.tsv" "$tmp/bad.txt"
printf 'ELF\0\1\2binary' >"$tmp/blob.txt"
expect_exit "binary data is refused" 1 "blob.txt: binary data" "$bin" build -g "$data/cli-gazetteer.tsv" "$tmp/blob.txt"
printf 'id\ttype\tlabel\taliases\nlibya\tplace\tLibya\t\nbroken line without tabs\n' >"$tmp/gaz.tsv"
expect_exit "malformed gazetteer line names file and line" 1 "gaz.tsv:3: " "$bin" build -g "$tmp/gaz.tsv" "$data/cli-text.md"
printf '{"id": 1, "text": "ok"}\n{"id": 2, "title": "no text"}\n' >"$tmp/bad.jsonl"
expect_exit "JSONL line without text names file and line" 1 "bad.jsonl:2: " "$bin" build -g "$data/cli-gazetteer.tsv" "$tmp/bad.jsonl"
expect_exit "unwritable output" 1 "no-such-dir/out.graphml" "$bin" build -g "$data/cli-gazetteer.tsv" -o "$tmp/no-such-dir/out.graphml" "$data/cli-text.md"
echo "previous contents" >"$tmp/keep.graphml"
"$bin" build -q -g "$data/cli-gazetteer.tsv" -o "$tmp/keep.graphml" "$data/cli-text.md" "$tmp/bad.txt" 2>/dev/null
if [ "$(cat "$tmp/keep.graphml")" = "previous contents" ] && [ -z "$(ls "$tmp" | grep 'tmp-')" ]; then
  ok "a failed build leaves the previous output and no temporary file"
else not_ok "a failed build leaves the previous output and no temporary file" "$(ls "$tmp")"; fi
if [ -w /dev/full ]; then
  expect_exit "a write error on stdout is a failure" 1 "error writing to standard output" \
    bash -c "'$bin' mentions -g '$data/cli-gazetteer.tsv' '$data/cli-text.md' >/dev/full"
else skip "a write error on stdout is a failure" "no /dev/full"; fi

# --- build, GraphML, determinism ------------------------------------------
check "build writes GraphML and prints the summary" bash -c \
  "'$bin' build -g '$data/cli-gazetteer.tsv' -o '$tmp/t.graphml' '$data/cli-text.md' | grep -Eq '^1 documents, [0-9]+ mentions, [0-9]+ actors, [0-9]+ edges'"
check "GraphML is well-formed (xmllint)" xmllint --noout "$tmp/t.graphml"
# Counted by hand from cli-text.md: sentences {Haftar, Tripoli}, {Haftar, LNA, Tripoli},
# {US, NATO}, {Pompeo, Haftar}, {Pompeo, US}, {Chad, LNA}.
if has_networkx; then
  check "networkx reads the crafted graph: counts, labels, weights" "$python" "$src/tests/check-graphml.py" \
    "$tmp/t.graphml" --nodes 7 --edges 7 --label haftar="Khalifa Haftar" --label us="United States" \
    --weight haftar,tripoli=2 --weight tripoli,haftar=2 --weight us,nato=1 --weight lna,chad=1
else skip "networkx reads the crafted graph" "python3-networkx not installed"; fi
"$bin" build -q -g "$data/cli-gazetteer.tsv" -o "$tmp/t2.graphml" "$data/cli-text.md"
check "same input, same bytes" cmp "$tmp/t.graphml" "$tmp/t2.graphml"
for w in paragraph document 12; do
  check "build --window $w" bash -c "'$bin' build -q -g '$data/cli-gazetteer.tsv' --window $w -o '$tmp/w.graphml' '$data/cli-text.md' && xmllint --noout '$tmp/w.graphml'"
done

if [ -d "$src/data/sample" ]; then
  "$bin" build -q -o "$tmp/sample.graphml" "$src/data/sample" 2>"$tmp/err"
  if cmp -s "$src/graphs/sample.graphml" "$tmp/sample.graphml"; then ok "sample corpus graph matches graphs/sample.graphml"
  else not_ok "sample corpus graph matches graphs/sample.graphml" "$(cat "$tmp/err")" "$(diff "$src/graphs/sample.graphml" "$tmp/sample.graphml" | head -20)"; fi
  check "sample GraphML is well-formed (xmllint)" xmllint --noout "$tmp/sample.graphml"
  if has_networkx; then
    check "sample GraphML reads in networkx with labels and weights" \
      "$python" "$src/tests/check-graphml.py" "$tmp/sample.graphml"
  else skip "sample GraphML reads in networkx" "python3-networkx not installed"; fi
fi

# --- rank -----------------------------------------------------------------
"$bin" build -q -g "$data/cli-gazetteer.tsv" -o "$tmp/r.graphml" "$data/cli-text.md"
check "rank reads a GraphML file" bash -c "'$bin' rank '$tmp/r.graphml' | head -1 | grep -q '^rank'"
check "rank from GraphML equals rank from the corpus" bash -c \
  "diff <('$bin' rank --format tsv --top 0 '$tmp/r.graphml') <('$bin' rank --format tsv --top 0 -g '$data/cli-gazetteer.tsv' '$data/cli-text.md')"
check "rank --format json parses" bash -c "'$bin' rank --format json --by pagerank '$tmp/r.graphml' | '$python' -c 'import json,sys; d=json.load(sys.stdin); assert d and d[0][\"rank\"] == 1 and \"pagerank\" in d[0]'"
check "rank --format csv has the header" bash -c "'$bin' rank --format csv '$tmp/r.graphml' | head -1 | grep -q '^rank,id,label,type,degree'"
check "rank --type keeps one type" bash -c "'$bin' rank --format tsv --type PER --top 0 '$tmp/r.graphml' | tail -n +2 | cut -f4 | sort -u | grep -qx person"
expect_exit "rank of a file that is not GraphML" 1 "not.graphml" bash -c "echo 'hello' > '$tmp/not.graphml' && '$bin' rank '$tmp/not.graphml'"

# --- the four real articles in ../shared ----------------------------------
corpus=$shared/corpus/libya
gold=$src/tests/gold/libya-gold.tsv
if [ -d "$corpus" ]; then
  "$bin" mentions "$corpus" >"$tmp/libya.tsv" 2>"$tmp/err"
  if [ -f "$gold" ]; then
    if "$python" "$src/tests/eval-mentions.py" "$gold" "$tmp/libya.tsv" \
         --min-precision 0.93 --min-recall 0.96 >"$tmp/eval" 2>&1; then
      ok "mentions on ../shared/corpus/libya: precision and recall against the gold annotations"
      sed 's/^/# /' "$tmp/eval"
    else not_ok "mentions on ../shared/corpus/libya: precision and recall" "$(cat "$tmp/eval")"; fi
  fi
  # Nothing inside markdown syntax: a surface never carries link or emphasis characters.
  if "$python" -c '
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")][1:]
bad = [r for r in rows if any(c in r[3] for c in "[]()*#")]
assert rows and not bad, bad[:5]' "$tmp/libya.tsv"; then ok "no mention inside markdown syntax in the real articles"
  else not_ok "no mention inside markdown syntax in the real articles"; fi
  check "build on the real articles" "$bin" build -q -o "$tmp/libya.graphml" "$corpus"
  check "real-article GraphML is well-formed (xmllint)" xmllint --noout "$tmp/libya.graphml"
  if has_networkx; then
    check "real-article GraphML in networkx: labels and weights" "$python" "$src/tests/check-graphml.py" \
      "$tmp/libya.graphml" --label khalifa_haftar="Khalifa Haftar" --label nato=NATO
  else skip "real-article GraphML in networkx" "python3-networkx not installed"; fi
else
  skip "real articles" "../shared/corpus/libya absent"
fi

echo "1..$n"
exit 0
