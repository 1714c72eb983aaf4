#!/usr/bin/env bash
# The README's fairness audit on the training corpus (shared/training beside the checkout), in one command:
# analyse its 85 clips with the current AU coder, then audit them against OpenFace 2.0.6's outputs by the corpus's
# apparent group labels. Rerun after any change to the face stage or the AU coder.
#   docs/training-audit.sh [WORKDIR]    (default ../facsflow-training-audit, outside the repository)
# Writes WORKDIR/results (analyze's CSVs) and WORKDIR/audit (audit.html, audit_*.csv); prints the README's table.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
training="$root/../shared/training"
work="${1:-$root/../facsflow-training-audit}"
[ -d "$training/clips" ] || { echo "training-audit: $training/clips not found (shared/ must sit beside the checkout)" >&2; exit 1; }
"$root/facsflow" analyze "$training/clips" -o "$work/results" --baseline offline
"$root/facsflow" audit --results "$work/results" --reference "$training/openface" --groups "$training/corpus.csv" \
  --by apparent_sex,apparent_age_band,apparent_skin_tone --drop-notes --bins apparent_age_band=18,40,60 \
  --labels-note "Labels: apparent sex, age band and skin tone from shared/training/corpus.csv, coded by eye from the \
videos (apparent, not self-reported); age bands taken at their middle and binned <18, 18-39, 40-59, 60+; notes in \
parentheses dropped (e.g. East Asian). The groups are small and unequal: 2 dark-skinned people, 5 medium, 1 child, \
1 greyscale clip whose skin tone is unknown." \
  -o "$work/audit"
