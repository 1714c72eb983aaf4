#!/usr/bin/env bash
# The README's worked example of fusion: a real talking head with its sound (p71 of shared/training, 60 s) beside
# SYNTHETIC physiology made here with known timing: an Empatica E4 export (EDA.csv, IBI.csv, tags.csv) whose
# wristband clock started 30 s before the video and runs 200 ppm slow, three button presses (tags) that the video
# shows at 2, 30 and 58 s, skin-conductance responses at 12, 31 and 47 s of the video, a heart rate that rises from 25
# to 40 s, and no beats detected from 40 to 46 s (a dropout: a gap).
#   docs/fusion-example.sh [WORKDIR]    (default ../facsflow-fusion-example, outside the repository)
# Writes WORKDIR/results (analyze's CSV), WORKDIR/e4 (the synthetic export) and the fusion tables and plot beside the
# CSV; copy WORKDIR/results/p71_fusion_face0.png to docs/fusion-example.png to refresh the README's figure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
clip="$root/../shared/training/clips/p71.mp4"
work="${1:-$root/../facsflow-fusion-example}"
[ -f "$clip" ] || { echo "fusion-example: $clip not found (shared/ must sit beside the checkout)" >&2; exit 1; }
mkdir -p "$work/e4"
# Unix time at the video's 0 on the wristband's clock; one wristband second is SCALE video seconds.
awk -v c0=1764842430 -v scale=1.0002 -v dir="$work/e4" 'BEGIN {
  start = c0 - 30
  printf "%.6f\n4.000000\n", start > dir "/EDA.csv"
  for (i = 0; i < 4 * 100; i++) {
    v = (start + i / 4 - c0) * scale
    eda = 3 + 0.004 * v
    split("12 31 47", onsets, " ")
    for (k in onsets) { d = v - onsets[k]; if (d > 0) eda += 0.9 * (1 - exp(-d / 0.8)) * exp(-d / 5) }
    printf "%.6f\n", eda > dir "/EDA.csv"
  }
  split("2 30 58", marks, " ")
  for (k = 1; k <= 3; k++) printf "%.3f\n", c0 + marks[k] / scale > dir "/tags.csv"
  printf "%.6f, IBI\n", start > dir "/IBI.csv"
  c = start + 0.5
  while (c < start + 100) {
    v = (c - c0) * scale
    hr = 68 + (v > 25 && v < 40 ? 14 * sin((v - 25) / 15 * 3.14159) : 0)
    ibi = 60 / hr
    c += ibi
    if (v < 40 || v > 46) printf "%.6f,%.6f\n", c - start, ibi > dir "/IBI.csv"
  }
}'
"$root/facsflow" analyze "$clip" -o "$work/results"
"$root/facsflow" fuse "$work/results/p71.csv" --signals "$work/e4/EDA.csv" --signals "$work/e4/IBI.csv" \
  --sync "markers=$work/e4/tags.csv" --video-markers 2,30,58 --window 2
"$root/facsflow" summarize "$work/results/p71.csv" --no-plot
