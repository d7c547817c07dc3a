#!/usr/bin/env bash
# Disk full during training: the run directory lives on a small tmpfs whose free space runs out
# while checkpoints and the model are written. Checks that anvil exits non-zero with an error that
# names the file and says "No space left on device", leaves no temporary files, keeps every
# safetensors file it left complete, and that after space is freed `--resume` finishes with weights
# bit-identical to an uninterrupted run. Needs root (mount -t tmpfs); exits 77 (skipped) without.
#   bash bench/crash/diskfull.sh
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
anvil="${ANVIL:-$root/build/bin/anvil}"
[ -x "$anvil" ] || { echo "diskfull.sh: no $anvil" >&2; exit 2; }
work="$(mktemp -d /tmp/anvil-diskfull-XXXXXX)"
mnt="$work/disk"
mkdir -p "$mnt"
cleanup() { umount "$mnt" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
if ! mount -t tmpfs -o size=64m tmpfs "$mnt" 2>/dev/null; then
  echo "diskfull.sh: cannot mount a tmpfs here (needs root): skipped"
  exit 77
fi
cd "$work"
"$anvil" datagen -n 1500 --seed 4 -o d.jsonl >/dev/null 2>&1 || exit 2
args="--data $work/d.jsonl -q run.threads=1 track.enabled=false track.tensorboard=false \
train.epochs=4 train.batch_size=64"
# shellcheck disable=SC2086
"$anvil" train --run-dir ref $args >ref.log 2>&1 || { echo "reference run failed" >&2; exit 2; }
ckpt=$(stat -c %s ref/checkpoints/last.safetensors)
total=$(du -sb ref | cut -f1)
fail=0
check() { if eval "$2"; then echo "  ok: $1"; else echo "  FAILED: $1"; fail=1; fi; }
# Free space for several shapes of "almost enough": a few KiB, one checkpoint and a half, most of
# the run.
for free in 4096 $((ckpt * 3 / 2)) $((total - ckpt / 2)); do
  rm -rf "${mnt:?}"/*
  avail=$(df -B1 --output=avail "$mnt" | tail -1)
  fallocate -l $((avail - free)) "$mnt/ballast" 2>/dev/null || \
    dd if=/dev/zero of="$mnt/ballast" bs=4096 count=$(((avail - free) / 4096)) status=none
  echo "free space $(( $(df -B1 --output=avail "$mnt" | tail -1) / 1024 )) KiB (checkpoint $((ckpt / 1024)) KiB):"
  # shellcheck disable=SC2086
  "$anvil" train --run-dir "$mnt/run" $args >full.log 2>&1
  rc=$?
  msg=$(grep -m1 "error" full.log)
  echo "  exit $rc: $msg"
  check "exits non-zero" "[ $rc -ne 0 ]"
  check "the error names the file and ENOSPC" \
    "echo \"\$msg\" | grep -q \"$mnt/run/.*No space left on device\""
  check "no temporary files left" "[ -z \"\$(find $mnt/run -name '*.tmp.*' 2>/dev/null)\" ]"
  broken=0
  for f in $(find "$mnt/run" -name '*.safetensors' 2>/dev/null); do
    python3 "$here/compare_safetensors.py" "$f" "$f" >/dev/null 2>&1 || broken=1
  done
  check "every safetensors file left is complete" "[ $broken -eq 0 ]"
  rm -f "$mnt/ballast"
  if [ -f "$mnt/run/checkpoints/last.safetensors" ]; then
    "$anvil" train --resume "$mnt/run" -q >resume.log 2>&1
    check "--resume after freeing space finishes" "[ $? -eq 0 ]"
    check "and ends bit-identical to the uninterrupted run" \
      "python3 $here/compare_safetensors.py ref/model/model.safetensors $mnt/run/model/model.safetensors >/dev/null"
  else
    echo "  (no checkpoint was written before the disk filled: nothing to resume)"
  fi
done
exit $fail
