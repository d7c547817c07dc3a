#!/usr/bin/env bash
# One pass on a CUDA machine that has a pip PyTorch (its LibTorch) but none of anvil's Debian
# dependencies and no network: build anvil against that LibTorch with CUDA, run a CUDA smoke test,
# the optional hook bench/gpu/lora_memory.sh, and bench/gpu/check_files.py (transformers, PEFT,
# TensorBoard and ONNX Runtime reading anvil's files). Run from the repository root:
#   OUT=/some/dir bash bench/gpu/run.sh
# Needs (made on a Debian 12 machine, see bench/gpu/prepare.sh): .dev/debs/*.deb (anvil's build
# dependencies, unpacked with dpkg -x into /tmp/deps, never into /) and .dev/gpu/ (the files and
# anvil's reference outputs for check_files.py).
# Every step logs and records its exit status; a failed step never stops the others. The whole
# script keeps to ANVIL_GPU_BUDGET_S seconds (default 570): steps get what is left, the build is
# cut off ANVIL_GPU_RESERVE_S seconds (default 200) before the end, for the smoke test and the hook.
# The hook is called as `bench/gpu/lora_memory.sh BUILD_DIR HOOK_OUT` with the libraries on
# LD_LIBRARY_PATH, and with OUT=HOOK_OUT, ANVIL_BIN, ANVIL_BUILD_DIR and ANVIL_GPU_DEADLINE (epoch
# seconds it must be done by) in its environment; its stdout goes to run.log, and the files it
# writes into HOOK_OUT are copied to $OUT (as one lora_memory.tar.gz if they would make $OUT hold
# more than 8 files).
# ANVIL_GPU_ONLY=deps,configure (a comma list of machine, checks, deps, configure, build, smoke,
# hook) runs only those steps; ANVIL_TORCH_PREFIX overrides the LibTorch CMake prefix (default: the
# one of python3's torch), ANVIL_GPU_DEVICE the smoke test's device (default cuda; cpu for a dry
# run elsewhere). Without nvcc the configure step leaves CUDA out (a CPU LibTorch).
# $OUT receives summary.json, run.log (the machine, the dependencies, the smoke test, the checks'
# log, the hook's output), build.log (configure and build), checks.json and the hook's files.
set -uo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
OUT="${OUT:-/tmp/anvil-gpu-out}"
mkdir -p "$OUT"
START=$(date +%s)
BUDGET="${ANVIL_GPU_BUDGET_S:-570}"
DEADLINE=$((START + BUDGET))
DEPS="${ANVIL_DEPS_DIR:-/tmp/deps}"
BUILD="${ANVIL_GPU_BUILD_DIR:-$root/build-cuda}"
JOBS="$(nproc 2>/dev/null || echo 8)"
ENV_LOG="$OUT/run.log"
BUILD_LOG="$OUT/build.log"
SMOKE_LOG="$ENV_LOG"
CHECKS_LOG="$(mktemp)"
HOOK_OUT="/tmp/anvil-hook-out"
STEPS="$(mktemp)"  # name<TAB>rc<TAB>seconds, one line per step

ONLY="${ANVIL_GPU_ONLY:-}"
want() { [ -z "$ONLY" ] || [[ ",$ONLY," == *",$1,"* ]]; }
left() { echo $((DEADLINE - $(date +%s))); }
log() { echo "[run.sh $(date +%H:%M:%S) +$(($(date +%s) - START))s] $*"; }
# step NAME LOGFILE CMD...: runs CMD with its output appended to LOGFILE, records the status.
step() {
  local name="$1" logfile="$2" t0 rc
  shift 2
  t0=$(date +%s)
  log "step $name" | tee -a "$logfile"
  "$@" >>"$logfile" 2>&1
  rc=$?
  printf '%s\t%s\t%s\n' "$name" "$rc" "$(($(date +%s) - t0))" >>"$STEPS"
  log "step $name: exit $rc in $(($(date +%s) - t0))s" | tee -a "$logfile"
  return $rc
}
# A timeout of at least 10 s that leaves `reserve` seconds of the budget.
budget_for() { local s=$(($(left) - $1)); [ "$s" -lt 10 ] && s=10; echo "$s"; }

# ---- the machine --------------------------------------------------------------------------------
machine() {
  nvidia-smi || true
  nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv || true
  uname -a
  (. /etc/os-release && echo "os: $PRETTY_NAME") || true
  echo "cores: $JOBS"
  free -g || true
  gcc --version | head -1 || true
  g++ --version | head -1 || true
  cmake --version | head -1 || true
  ninja --version || true
  command -v nvcc && nvcc --version | tail -2 || echo "nvcc not on PATH"
  ls -d /usr/local/cuda* 2>/dev/null || true
  command -v pkg-config || echo "no pkg-config on PATH (the one in .dev/debs is used)"
  python3 --version
  python3 - <<'EOF'
import importlib
import torch
print("torch", torch.__version__, "cuda", torch.version.cuda, "available", torch.cuda.is_available(),
      "cxx11abi", torch._C._GLIBCXX_USE_CXX11_ABI)
print("torch cmake prefix", torch.utils.cmake_prefix_path)
if torch.cuda.is_available():
    print("device", torch.cuda.get_device_name(0), torch.cuda.get_device_capability(0))
for m in ("transformers", "peft", "tensorboard", "onnxruntime", "safetensors", "numpy", "nvidia.cudnn"):
    try:
        mod = importlib.import_module(m)
        print(m, getattr(mod, "__version__", ""), getattr(mod, "__path__", [""])[0])
    except Exception as e:
        print(m, "absent:", e)
EOF
}

# ---- dependencies: Debian 12 packages unpacked under $DEPS --------------------------------------
unpack_deps() {
  local n=0
  rm -rf "$DEPS" && mkdir -p "$DEPS/bin" || return 1
  for deb in "$root"/.dev/debs/*.deb; do
    [ -f "$deb" ] || continue
    if command -v dpkg-deb >/dev/null; then
      dpkg-deb -x "$deb" "$DEPS" || { echo "cannot unpack $deb"; return 1; }
    else  # no dpkg: a .deb is an ar archive holding data.tar.xz (Debian 12's compression)
      (cd "$DEPS" && ar p "$deb" data.tar.xz | tar -xJf -) || { echo "cannot unpack $deb"; return 1; }
    fi
    n=$((n + 1))
  done
  echo "unpacked $n packages into $DEPS ($(du -sh "$DEPS" | cut -f1))"
  [ "$n" -gt 0 ] || return 1
  # Absolute symlinks (libz.so -> /lib/...) would point at the machine's files: point them inside.
  find "$DEPS" -type l -lname '/*' | while read -r link; do
    ln -sfn "$DEPS$(readlink "$link")" "$link"
  done
  # pkg-config files: /usr -> $DEPS/usr; a Requires.private naming a module that is not here is
  # dropped (cairo's lists glib, fontconfig, X11 ...: only needed for static linking and their
  # headers, which anvil's cairo use never includes).
  local pcdirs=("$DEPS/usr/lib/x86_64-linux-gnu/pkgconfig" "$DEPS/usr/share/pkgconfig")
  local have
  have=" $(for d in "${pcdirs[@]}"; do ls "$d"/*.pc 2>/dev/null; done | xargs -n1 basename | sed 's/\.pc$//' | tr '\n' ' ') "
  for pc in "${pcdirs[0]}"/*.pc "${pcdirs[1]}"/*.pc; do
    [ -f "$pc" ] || continue
    sed -i -e "s#^\([A-Za-z_]*\)=/usr#\1=$DEPS/usr#" -e "s#^\([A-Za-z_]*\)=/lib#\1=$DEPS/lib#" \
        -e "s# -I/usr/# -I$DEPS/usr/#g" -e "s# -L/usr/# -L$DEPS/usr/#g" "$pc"
    local req missing=""
    req="$(sed -n 's/^Requires.private:\(.*\)/\1/p' "$pc" | tr ',' ' ')"
    for m in $req; do
      case "$m" in [\<\>=]* | [0-9]*) continue ;; esac
      [[ "$have" == *" $m "* ]] || missing="$missing $m"
    done
    if [ -n "$missing" ]; then
      sed -i '/^Requires.private:/d' "$pc"
      echo "$(basename "$pc"): dropped Requires.private (not shipped:$missing)"
    fi
  done
  cat >"$DEPS/bin/pkg-config" <<EOF
#!/bin/sh
LD_LIBRARY_PATH="$DEPS/usr/lib/x86_64-linux-gnu:$DEPS/lib/x86_64-linux-gnu\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$DEPS/usr/bin/pkgconf" "\$@"
EOF
  chmod +x "$DEPS/bin/pkg-config"
  export PKG_CONFIG_LIBDIR="${pcdirs[0]}:${pcdirs[1]}"
  unset PKG_CONFIG_PATH
  for m in yaml-cpp simdjson cairo libpcre2-8 sqlite3 cpp-httplib; do
    echo "pkg-config $m: $("$DEPS/bin/pkg-config" --modversion "$m" 2>&1) | $("$DEPS/bin/pkg-config" --cflags --libs "$m" 2>&1)"
  done
}

# ---- configure and build ------------------------------------------------------------------------
TORCH_PREFIX="${ANVIL_TORCH_PREFIX:-$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)' 2>/dev/null)}"
configure() {
  [ -n "$TORCH_PREFIX" ] || { echo "no LibTorch CMake prefix"; return 1; }
  local nvcc cuda_root="" cuda_args=() cudnn_args=()
  nvcc="$(command -v nvcc || ls /usr/local/cuda/bin/nvcc 2>/dev/null || true)"
  if [ -n "$nvcc" ]; then
    cuda_root="$(dirname "$(dirname "$(readlink -f "$nvcc")")")"
    export CUDACXX="$nvcc" CUDA_HOME="${CUDA_HOME:-$cuda_root}" PATH="$cuda_root/bin:$PATH"
    export TORCH_CUDA_ARCH_LIST="${TORCH_CUDA_ARCH_LIST:-9.0}"
    cuda_args=("-DCMAKE_CUDA_COMPILER=$nvcc" -DCMAKE_CUDA_ARCHITECTURES=90
               "-DCUDA_TOOLKIT_ROOT_DIR=$cuda_root")
  else
    echo "no nvcc: configuring without CUDA"
  fi
  # cuDNN from the pip wheel (nvidia-cudnn-cu*), for LibTorch's CMake package if it asks.
  local cudnn
  cudnn="$(python3 -c 'import nvidia.cudnn, os; print(os.path.dirname(nvidia.cudnn.__file__))' 2>/dev/null ||
           python3 -c 'import nvidia.cudnn; print(list(nvidia.cudnn.__path__)[0])' 2>/dev/null || true)"
  if [ -n "$cudnn" ] && [ -f "$cudnn/include/cudnn.h" ]; then
    cudnn_args=(-DCUDNN_INCLUDE_PATH="$cudnn/include"
                -DCUDNN_LIBRARY_PATH="$(ls "$cudnn"/lib/libcudnn.so* | head -1)")
  fi
  echo "torch prefix: $TORCH_PREFIX; nvcc: $nvcc; CUDA root: $cuda_root; cuDNN: ${cudnn:-none}"
  local generator=Ninja
  command -v ninja >/dev/null || generator="Unix Makefiles"
  local args=(-S "$root" -B "$BUILD" -G "$generator" -DCMAKE_BUILD_TYPE=Release
    "-DCMAKE_PREFIX_PATH=$TORCH_PREFIX;$DEPS/usr"
    -DANVIL_BUILD_CLI=ON -DANVIL_BUILD_BENCH=ON -DANVIL_BUILD_TESTS=OFF -DANVIL_BUILD_EXAMPLES=OFF
    -DANVIL_INSTALL=OFF
    "-DPKG_CONFIG_EXECUTABLE=$DEPS/bin/pkg-config"
    "${cuda_args[@]}"
    "-DCMAKE_CXX_FLAGS=-isystem $DEPS/usr/include/x86_64-linux-gnu"
    "-DCMAKE_EXE_LINKER_FLAGS=-Wl,-rpath-link,$DEPS/usr/lib/x86_64-linux-gnu -Wl,-rpath-link,$DEPS/lib/x86_64-linux-gnu"
    "${cudnn_args[@]}")
  echo "cmake ${args[*]}"
  if ! cmake "${args[@]}"; then
    echo "== configure failed; again with cuDNN off in LibTorch's package"
    rm -rf "$BUILD"
    cmake "${args[@]}" -DCAFFE2_USE_CUDNN=OFF -DUSE_CUDNN=OFF || return 1
  fi
  grep -E "^(Torch_DIR|yaml-cpp_DIR|simdjson_DIR|CLI11_DIR|nlohmann_json_DIR|CMAKE_CXX_COMPILER|CMAKE_CUDA_COMPILER):" "$BUILD/CMakeCache.txt"
}

build() {
  local t
  t=$(budget_for "${ANVIL_GPU_RESERVE_S:-200}")  # what the smoke test and the hook get after it
  local rc
  if [ -f "$BUILD/build.ninja" ]; then
    echo "ninja -j$JOBS -k 0 (timeout ${t}s)"
    timeout "$t" ninja -C "$BUILD" -j "$JOBS" -k 0
    rc=$?
  else
    echo "make -j$JOBS -k (timeout ${t}s)"
    timeout "$t" make -C "$BUILD" -j "$JOBS" -k
    rc=$?
  fi
  echo "errors: $(grep -c 'error:' "$BUILD_LOG" 2>/dev/null)"
  grep -m 20 'error:' "$BUILD_LOG" | cut -c1-400
  return $rc
}

# ---- CUDA smoke: a tiny LM and an intent classifier trained on cuda, generation ---------------
ANVIL="$BUILD/bin/anvil"
DEVICE="${ANVIL_GPU_DEVICE:-cuda}"
SMOKE_DIR="/tmp/anvil-smoke"
anvil_lib_path() {
  echo "$DEPS/usr/lib/x86_64-linux-gnu:$DEPS/lib/x86_64-linux-gnu:$TORCH_PREFIX/../../lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
}
# run_anvil SECONDS ARGS...: the built anvil with the unpacked dependencies on the library path.
run_anvil() {
  local t="$1"
  shift
  echo "+ anvil $*" >&2
  timeout "$t" env LD_LIBRARY_PATH="$(anvil_lib_path)" FONTCONFIG_FILE="$DEPS/etc/fonts/fonts.conf" \
    "$ANVIL" "$@"
}
smoke_lm() {
  rm -rf "$SMOKE_DIR" && mkdir -p "$SMOKE_DIR" && cd "$SMOKE_DIR" || return 1
  run_anvil 30 --version || return 1
  run_anvil 30 profiles
  run_anvil 60 datagen --specialist spam_detection,sentiment_analysis -n 200 --seed 2 -o lm.jsonl ||
    cp "$root/.dev/gpu/data/lm.jsonl" lm.jsonl || return 1
  # lm.precision auto = bf16 autocast on a GPU that runs bf16 matmuls; the pre-training checks
  # (train.mode check_and_train) read the CUDA caching allocator.
  run_anvil 150 train --data lm.jsonl --run-dir lm --device "$DEVICE" model.type=llama \
    llama.hidden_size=64 llama.intermediate_size=128 llama.layers=2 llama.heads=4 llama.kv_heads=2 \
    llama.max_position=256 lm.tokenizer_vocab=400 lm.seq_len=128 lm.eval_per_specialist=2 \
    lm.max_new_tokens=24 train.epochs=2 train.batch_size=8 train.warmup_steps=2 train.lr=3e-3 \
    || return 1
  ls -la lm lm/model
  # The memory check on cuda: the caching allocator's figures (torch_compat's CUDA path).
  python3 -c 'import json; m = [s for s in json.load(open("lm/validation.json"))["sections"] if s["name"] == "memory"]; print(json.dumps(m, indent=1))' || true
  local prompt="Is this spam? Win a free cruise now, click here"
  run_anvil 60 generate --model lm/model --device "$DEVICE" --max-tokens 24 --json --chat "$prompt" \
    >gen_cuda.json || return 1
  run_anvil 60 generate --model lm/model --device cpu --max-tokens 24 --json --chat "$prompt" \
    >gen_cpu.json
  cat gen_cuda.json gen_cpu.json
  python3 -c 'import json; a, b = (json.load(open(f)) for f in ("gen_cuda.json", "gen_cpu.json")); print("greedy ids cuda == cpu:", a["ids"] == b["ids"])' || true
}
smoke_intent() {
  mkdir -p "$SMOKE_DIR" && cd "$SMOKE_DIR" || return 1
  run_anvil 60 datagen -n 4000 --seed 3 -o intents.jsonl || return 1
  run_anvil 100 train --data intents.jsonl --run-dir intent --device "$DEVICE" model.embed_dim=16 \
    "model.channels=[32,32,48]" train.epochs=4 train.batch_size=64 || return 1
  # predict exits 3 when the model abstains ("not understood"): an answer, not a failure.
  local rc
  run_anvil 30 predict --model intent/model --device "$DEVICE" "add 5 and 3"
  rc=$?
  run_anvil 30 predict --model intent/model --device cpu "add 5 and 3"
  [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ]
}

# ---- the hook and the checks --------------------------------------------------------------------
hook() {
  rm -rf "$HOOK_OUT" && mkdir -p "$HOOK_OUT"
  LD_LIBRARY_PATH="$(anvil_lib_path)" OUT="$HOOK_OUT" ANVIL_BIN="$ANVIL" ANVIL_BUILD_DIR="$BUILD" \
    ANVIL_GPU_DEADLINE="$((DEADLINE - 20))" \
    timeout "$(budget_for 20)" bash "$root/bench/gpu/lora_memory.sh" "$BUILD" "$HOOK_OUT"
  local rc=$? files here
  files=$(find "$HOOK_OUT" -type f | wc -l)
  here=$(find "$OUT" -type f | wc -l)
  echo "the hook wrote $files file(s): $(cd "$HOOK_OUT" && find . -type f | tr '\n' ' ')"
  if [ "$files" -gt 0 ] && [ $((files + here + 1)) -le 8 ]; then  # +1: summary.json, written last
    cp -r "$HOOK_OUT"/. "$OUT"/
  elif [ "$files" -gt 0 ]; then
    tar -czf "$OUT/lora_memory.tar.gz" -C "$HOOK_OUT" .
  fi
  return $rc
}

summary() {
  python3 - "$STEPS" "$OUT/summary.json" "$START" "$OUT/checks.json" <<'EOF' || {
import json, sys, time
steps_path, out, start, checks_path = sys.argv[1:5]
steps = []
for line in open(steps_path):
    name, rc, seconds = line.rstrip("\n").split("\t")
    steps.append({"step": name, "exit": int(rc), "seconds": int(seconds)})
result = {"steps": steps, "seconds": int(time.time() - float(start)),
          "failed": [s["step"] for s in steps if s["exit"] != 0]}
try:
    result["checks"] = {k: v.get("status") for k, v in json.load(open(checks_path))["checks"].items()}
except Exception as e:
    result["checks"] = f"unavailable: {e}"
json.dump(result, open(out, "w"), indent=1)
print(json.dumps(result))
EOF
    { echo '{"steps": ['; sed 's/\(.*\)\t\(.*\)\t\(.*\)/{"step": "\1", "exit": \2, "seconds": \3},/' "$STEPS"; echo '{}]}'; } >"$OUT/summary.json"
  }
}

# ---- the run ------------------------------------------------------------------------------------
log "anvil GPU run in $root, budget ${BUDGET}s, output in $OUT${ONLY:+, only $ONLY}" | tee "$ENV_LOG"
want machine && step machine "$ENV_LOG" machine

# The external checks use only the shipped files and the machine's Python: they run beside the build.
CHECKS_PID=""
if want checks && [ -f "$root/.dev/gpu/manifest.json" ]; then
  log "checks: started in the background" | tee -a "$ENV_LOG"
  (t0=$(date +%s)
   OMP_NUM_THREADS=2 timeout "$(budget_for 15)" python3 "$root/bench/gpu/check_files.py" \
     "$root/.dev/gpu" --out "$OUT/checks.json" >"$CHECKS_LOG" 2>&1
   printf '%s\t%s\t%s\n' checks "$?" "$(($(date +%s) - t0))" >>"$STEPS") &
  CHECKS_PID=$!
elif want checks; then
  echo "no .dev/gpu/manifest.json: checks skipped" | tee -a "$ENV_LOG"
fi

want deps && step deps "$ENV_LOG" unpack_deps
export PKG_CONFIG_LIBDIR="$DEPS/usr/lib/x86_64-linux-gnu/pkgconfig:$DEPS/usr/share/pkgconfig"
unset PKG_CONFIG_PATH
want configure && step configure "$BUILD_LOG" configure
if want build && [ -f "$BUILD/CMakeCache.txt" ]; then
  step build "$BUILD_LOG" build
fi
if want smoke && [ -x "$ANVIL" ]; then
  step smoke_lm "$SMOKE_LOG" smoke_lm
  step smoke_intent "$SMOKE_LOG" smoke_intent
  cd "$root"
elif want smoke; then
  log "no $ANVIL: smoke test skipped" | tee -a "$SMOKE_LOG"
fi
if want hook && [ -f "$root/bench/gpu/lora_memory.sh" ]; then
  step lora_memory "$ENV_LOG" hook
fi
if [ -n "$CHECKS_PID" ]; then
  log "waiting for the checks (they time out by themselves)" | tee -a "$ENV_LOG"
  wait "$CHECKS_PID"
  { echo "==== check_files.py"; cat "$CHECKS_LOG"; } >>"$ENV_LOG"
  grep -E "PASS|FAIL|ERROR|SKIP|summary" "$CHECKS_LOG"
fi
rm -f "$CHECKS_LOG"
# Highlights on stdout (the caller may see only the end of it); everything is in the logs.
{
  echo "==== highlights"
  [ -f "$BUILD_LOG" ] && grep -m 12 -E "error:|CMake Error" "$BUILD_LOG" | cut -c1-300
  grep -E "greedy ids|forward\+backward|training needs|tokens/s|^result:|^intent:" "$ENV_LOG" | cut -c1-300
} || true
summary | tee -a "$ENV_LOG"
rm -f "$STEPS"
log "done in $(($(date +%s) - START))s" | tee -a "$ENV_LOG"
