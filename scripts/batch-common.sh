# Shared by scripts/parallel-batch and scripts/slurm-batch (sourced, not
# run): splits a corpus into shards and writes one shell script per shard
# running `actnet count`, plus one running `actnet merge`.
# SPDX-License-Identifier: GPL-2.0-or-later

actnet=${ACTNET:-actnet}
count_opts=()
merge_opts=()

# Options that take a value as the next argument (when not written --opt=value).
batch_takes_value () {
  case $1 in
    -g|--gazetteer|--gazetteer-format|-w|--window|--overlaps|--project|--dates|--date-field|\
    --dates-file|--weight|--min-weight|--min-documents|--top-edges-per-node|--types|--backbone|\
    --alpha|-f|--format|--color|--size|-t|--top|--evidence) return 0 ;;
  esac
  return 1
}

# batch_split_options OPTION...: the gazetteer goes to both commands (merge
# checks the parts against it), the network and output options to merge,
# everything else (window, matching, dating, projection) to count.
# --evidence FILE: each count keeps its units, merge writes FILE.
batch_split_options () {
  while (($#)); do
    local opt=$1 value=()
    shift
    if [[ $opt != *=* ]] && batch_takes_value "$opt"; then
      (($#)) || { echo "${0##*/}: $opt needs a value" >&2; exit 2; }
      value=("$1"); shift
    fi
    case ${opt%%=*} in
      -g|--gazetteer|--gazetteer-format) count_opts+=("$opt" "${value[@]}"); merge_opts+=("$opt" "${value[@]}") ;;
      --weight|--min-weight|--min-documents|--top-edges-per-node|--types|--backbone|--alpha|\
      --keep-isolates|-f|--format|--color|--size|-t|--top|-q|--quiet) merge_opts+=("$opt" "${value[@]}") ;;
      --evidence)
        count_opts+=(--evidence)
        local file=${value[0]:-${opt#*=}}
        merge_opts+=(--evidence "$(realpath -m "$file")") ;;
      -o|--output) echo "${0##*/}: give the output as OUTPUT, not $opt" >&2; exit 2 ;;
      *) count_opts+=("$opt" "${value[@]}") ;;
    esac
  done
}

# batch_make_shards WORK K INPUT...: WORK/shard-I.sh for I = 1..n (n <= K,
# printed), each counting its share into WORK/shard-I.counts. A JSONL file
# is cut into K pieces of whole lines, so one large dump spreads over every
# shard; then the files and pieces, in input order, are cut into K runs of
# about equal bytes. Shard I reads the run after shard I-1's, so the parts
# merged in order read the corpus in build's order (the order of merged
# evidence). Paths are made absolute: the scripts may run on another
# machine that shares them.
batch_make_shards () {
  local work=$1 k=$2
  shift 2
  local files=() f
  for f in "$@"; do
    if [ "$f" = - ]; then echo "${0##*/}: standard input cannot be sharded" >&2; exit 2; fi
    if [ -d "$f" ]; then
      while IFS= read -r -d '' g; do files+=("$g"); done < <(
        find "$f" -type f \( -name '*.txt' -o -name '*.md' -o -name '*.markdown' -o -name '*.jsonl' \) \
          ! -name '.*' -print0 | LC_ALL=C sort -z)
    elif [ -f "$f" ]; then files+=("$f")
    else echo "${0##*/}: $f: no such file or directory" >&2; exit 1
    fi
  done
  ((${#files[@]})) || { echo "${0##*/}: no input files" >&2; exit 1; }
  local -a shard_files items sizes
  local i j n_jsonl=0 total=0 start=0
  for f in "${files[@]}"; do
    f=$(realpath "$f")
    if [[ $f == *.jsonl ]]; then
      n_jsonl=$((n_jsonl + 1))
      mkdir -p "$work/jsonl"
      split -n "l/$k" -d -a 4 --additional-suffix=.jsonl "$f" "$work/jsonl/$n_jsonl-${f##*/}."
      for ((j = 0; j < k; j++)); do
        local piece
        piece=$(printf '%s/jsonl/%d-%s.%04d.jsonl' "$work" "$n_jsonl" "${f##*/}" "$j")
        [ -s "$piece" ] && items+=("$piece")
      done
    else
      items+=("$f")
    fi
  done
  for f in "${items[@]}"; do sizes+=("$(stat -c %s "$f")"); total=$((total + ${sizes[-1]})); done
  ((total > 0)) || total=1
  for i in "${!items[@]}"; do
    j=$((start * k / total))
    ((j < k)) || j=$((k - 1))
    shard_files[j]+="$(printf '%q ' "${items[i]}")"
    start=$((start + sizes[i]))
  done
  local n=0 counts=()
  for ((j = 0; j < k; j++)); do
    [ -n "${shard_files[j]:-}" ] || continue
    n=$((n + 1))
    {
      echo '#!/usr/bin/env bash'
      echo "# actnet count of shard $n (written by ${0##*/})"
      echo 'set -euo pipefail'
      printf '%q ' "$actnet" count -q "${count_opts[@]}" -o "$work/shard-$n.counts"
      echo "${shard_files[j]}"
    } >"$work/shard-$n.sh"
    counts+=("$work/shard-$n.counts")
  done
  {
    echo '#!/usr/bin/env bash'
    echo "# actnet merge of the $n shards (written by ${0##*/})"
    echo 'set -euo pipefail'
    printf '%q ' "$actnet" merge "${merge_opts[@]}" -o "$(realpath -m "$output")" "${counts[@]}"
    echo
  } >"$work/merge.sh"
  echo "$n"
}
