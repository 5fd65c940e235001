#!/usr/bin/env bash
# The long fuzz run: atheris over the reading pipeline until BUDGET CPU-seconds are spent, at the
# lowest priority. A crash or hang stops libFuzzer; the loop keeps its input (artifacts/) and goes
# on from the corpus it has grown. Figures: each round's CPU seconds in cpu.tsv, libFuzzer's log.
#
#   nice -n 19 fuzz/long.sh OUT BUDGET_CPU_SECONDS SEED_DIR...
set -u
out=$1; budget=$2; shift 2
here=$(cd "$(dirname "$0")" && pwd)
python=${PYTHON:-$here/../.venv/bin/python}
mkdir -p "$out/corpus" "$out/artifacts"
spent=0
round=0
while [ "$spent" -lt "$budget" ]; do
  round=$((round + 1))
  left=$((budget - spent))
  /usr/bin/time -f "%U %S" -o "$out/round.time" \
    "$python" "$here/fuzz_tandy.py" -max_total_time="$left" -timeout=30 -max_len=65536 -rss_limit_mb=3072 \
    -dict="$here/tandy.dict" -artifact_prefix="$out/artifacts/" -print_final_stats=1 \
    "$out/corpus" "$@" >>"$out/log" 2>&1
  read -r user sys < <(tail -n 1 "$out/round.time") || { user=0; sys=0; }
  used=$(python3 -c "print(round($user + $sys))")
  [ "$used" -lt 1 ] && used=1
  spent=$((spent + used))
  printf '%s\t%s\t%s\t%s\n' "$round" "$user" "$sys" "$(date -u +%H:%M:%S)" >>"$out/cpu.tsv"
done
