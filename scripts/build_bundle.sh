#!/usr/bin/env bash
# Build the one-folder bundle from packaging/shenpian.spec and smoke-test it the way a user
# would meet it: no Python on PATH, a fresh HOME, nothing from the developer's environment.
#
#   scripts/build_bundle.sh                 build, then smoke-test (Linux)
#   scripts/build_bundle.sh --smoke-only    smoke-test the bundle already in build/bundle/dist
#   SMOKE_DISPLAY=:27 scripts/build_bundle.sh   X display number for the window check
#
# Needs: pip install -e ".[bundle]"; Xvfb, xdotool, ImageMagick (import, identify) and unzip.
# Not part of the test suite (a build takes a minute or two); see docs/adr/0012-bundle.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PYTHON=${PYTHON:-python}
OUT=$ROOT/build/bundle
BUNDLE=$OUT/dist/shenpian
ARTIFACTS=$ROOT/artifacts
DISPLAY_NUM=${SMOKE_DISPLAY:-:99}
SMOKE_ONLY=0
[ "${1:-}" = "--smoke-only" ] && SMOKE_ONLY=1

say() { printf '== %s\n' "$*"; }
fail() { printf 'SMOKE FAILED: %s\n' "$*" >&2; exit 1; }
now() { date +%s%N; }
since() {  # seconds since $1 (from now), two decimals
  local ms=$(( ($(now) - $1) / 1000000 ))
  printf '%d.%02d' $((ms / 1000)) $(((ms % 1000) / 10))
}

build() {
  "$PYTHON" -c "import PyInstaller" 2>/dev/null \
    || fail "PyInstaller is missing: pip install -e \".[bundle]\""
  say "building $BUNDLE"
  local t0; t0=$(now)
  "$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$OUT/dist" --workpath "$OUT/work" packaging/shenpian.spec
  BUILD_S=$(since "$t0")
}

# --- the clean room: what a user's session has, and nothing else -----------------------------
SCRATCH=$(mktemp -d /tmp/shenpian-smoke.XXXXXX)
XVFB_PID=""
cleanup() {
  if [ -n "$XVFB_PID" ]; then kill "$XVFB_PID" 2>/dev/null || true; fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
CLEAN_HOME=$SCRATCH/home
NO_PYTHON_PATH=$SCRATCH/bin   # an empty folder: PATH has no python, no ffmpeg, nothing
mkdir -p "$CLEAN_HOME" "$NO_PYTHON_PATH"

CLEAN_ENV=(env -i HOME="$CLEAN_HOME" PATH="$NO_PYTHON_PATH")
clean_env() { "${CLEAN_ENV[@]}" "$@"; }
cli() { clean_env "$BUNDLE/shenpian" "$@"; }

# Evict the bundle's files from the page cache (dd's nocache drops a file's pages without
# root), so a "cold" start reads the bundle from disk as after a reboot. System libraries
# and fonts stay cached: they are shared with every other program on a user's desktop too.
evict() { find "$BUNDLE" -type f -exec dd if={} iflag=nocache count=0 status=none \; ; }

cpu_seconds() {  # user + system CPU time of a command: what load from others does not inflate
  local TIMEFORMAT='%U %S'
  { time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ printf "%.2f", $1 + $2 }'
}

timed() {  # timed VAR command... : run, store seconds in VAR, fail on non-zero exit
  local var=$1; shift
  local t0; t0=$(now)
  "$@" || fail "exit $? from: ${*##*/}"
  printf -v "$var" '%s' "$(since "$t0")"
}

smoke_cli() {
  [ -x "$BUNDLE/shenpian" ] || fail "no bundle at $BUNDLE (build first)"
  clean_env sh -c 'command -v python3 || command -v python' >/dev/null 2>&1 \
    && fail "the clean PATH still finds a python"
  touch "$SCRATCH/stamp"
  local proj="$CLEAN_HOME/审片项目/演示.shenpian" out="$CLEAN_HOME/导出"
  mkdir -p "$out"

  say "demo (generated footage, 12 tags)"
  timed DEMO_S cli demo "$proj"
  local clip; clip=$(find "$(dirname "$proj")" -name '*.mp4' | sort | head -n1)
  [ -n "$clip" ] || fail "demo wrote no footage"

  # A portrait phone clip: H.264 + AAC with a display matrix, made by the bundled ffmpeg.
  local ffmpeg phone="$CLEAN_HOME/手机_竖屏.mp4"
  ffmpeg=$(find "$BUNDLE/_internal/imageio_ffmpeg/binaries" -name 'ffmpeg*' -type f | head -n1)
  [ -n "$ffmpeg" ] || fail "no ffmpeg binary in the bundle"
  clean_env "$ffmpeg" -hide_banner -loglevel error -y \
    -f lavfi -i testsrc2=size=640x360:rate=30 -f lavfi -i sine=frequency=440 -t 2 \
    -c:v libx264 -pix_fmt yuv420p -c:a aac "$SCRATCH/landscape.mp4"
  clean_env "$ffmpeg" -hide_banner -loglevel error -y -display_rotation 90 \
    -i "$SCRATCH/landscape.mp4" -c copy "$phone"

  say "probe"
  evict
  timed PROBE_COLD_S cli probe "$clip"
  timed PROBE_S cli probe "$phone" --json
  PROBE_CPU_S=$(cpu_seconds cli probe "$phone" --json)
  # Baseline from the same run: the same command from source with the build's Python.
  SOURCE_PROBE_S="n/a (no $PYTHON with the app's dependencies)"
  if "$PYTHON" -c "import reviewer.cli" >/dev/null 2>&1; then
    timed SOURCE_PROBE_S "$PYTHON" main.py probe "$phone" --json >/dev/null
  fi
  # (Output into a variable first: grep -q closing a pipe early fails it under pipefail.)
  local json; json=$(cli probe "$phone" --json)
  [[ $json == *'"height": 640'* && $json == *'"has_audio": true'* ]] \
    || fail "probe: portrait clip with sound not seen as 360x640 with audio"

  say "frame"
  timed FRAME_S cli frame "$phone" --at 1.0 -o "$out/画面.png"
  [ "$(identify -format '%wx%h' "$out/画面.png")" = "360x640" ] \
    || fail "frame: not rotated for display"

  say "export --format pptx"
  timed EXPORT_S cli export "$proj" --format pptx -o "$out/汇报.pptx"
  local listing; listing=$(unzip -l "$out/汇报.pptx")
  [[ $listing == *ppt/slides/slide1.xml* ]] || fail "deck has no slides"

  say "a user error is one line, exit 2"
  local err code=0
  err=$(cli --lang en probe "$CLEAN_HOME/missing.mp4" 2>&1) || code=$?
  [ "$code" = 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" = 1 ] || fail "bad error: $code $err"
  PROJECT=$proj
}

smoke_gui() {
  command -v Xvfb >/dev/null || fail "Xvfb is needed for the window check"
  Xvfb "$DISPLAY_NUM" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
  XVFB_PID=$!
  sleep 1
  kill -0 "$XVFB_PID" 2>/dev/null || fail "Xvfb could not start on $DISPLAY_NUM (in use? set SMOKE_DISPLAY)"
  mkdir -p "$ARTIFACTS"
  say "window (cold start, display $DISPLAY_NUM)"
  evict
  local t0 pid; t0=$(now)
  # env execs the program, so $! is the window's own pid (a function would add a subshell).
  "${CLEAN_ENV[@]}" DISPLAY="$DISPLAY_NUM" "$BUNDLE/shenpian-gui" "$PROJECT" >"$SCRATCH/gui.log" 2>&1 &
  pid=$!
  DISPLAY=$DISPLAY_NUM timeout 30 xdotool search --sync --onlyvisible --pid "$pid" >/dev/null \
    || fail "no window within 30 s: $(tail -n3 "$SCRATCH/gui.log")"
  WINDOW_S=$(since "$t0")
  sleep 3  # first frame, filmstrip and table painted
  DISPLAY=$DISPLAY_NUM import -window root "$ARTIFACTS/bundle_window.png"
  kill "$pid"; wait "$pid" 2>/dev/null || true

  say "window (warm start; quits by itself and must exit 0)"
  t0=$(now)
  clean_env DISPLAY="$DISPLAY_NUM" "$BUNDLE/shenpian-gui" --screenshot "$SCRATCH/grab.png" \
    >"$SCRATCH/gui2.log" 2>&1 || fail "window exit $?: $(tail -n3 "$SCRATCH/gui2.log")"
  WARM_RUN_S=$(since "$t0")
  [ -s "$SCRATCH/grab.png" ] || fail "the window saved no screenshot"
  # It reopened the project from "recent": QSettings are in the user's folder, not the bundle's.
  grep -q "演示.shenpian" "$CLEAN_HOME/.config/shenpian/shenpian.conf" \
    || fail "recent projects not in ~/.config/shenpian/shenpian.conf"
}

check_untouched() {
  local written; written=$(find "$BUNDLE" -newer "$SCRATCH/stamp" | head -n5)
  [ -z "$written" ] || fail "the app wrote into its own folder: $written"
}

report() {
  local mb; mb=$(du -sm "$BUNDLE" | cut -f1)
  cat <<EOF

bundle:        $BUNDLE
size:          $mb MB unpacked (target <= 400)
largest parts: $(cd "$BUNDLE/_internal" && du -sm imageio_ffmpeg cv2 opencv_python_headless.libs \
                   av av.libs PySide6 numpy numpy.libs | sort -rn | awk '{printf "%s %s MB; ", $2, $1}')
build:         ${BUILD_S:+$BUILD_S s}${BUILD_S:-skipped (--smoke-only)}
demo:          $DEMO_S s (3 files, 180 s of footage)
probe:         $PROBE_COLD_S s cold, $PROBE_S s warm (target <= 1.5), $PROBE_CPU_S s CPU; from source: $SOURCE_PROBE_S s
frame:         $FRAME_S s
export pptx:   $EXPORT_S s
window:        $WINDOW_S s cold start to visible window (target <= 4)
window run:    $WARM_RUN_S s warm start + 2.5 s shown + clean exit
screenshot:    $ARTIFACTS/bundle_window.png
load average:  $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores (timings are wall clock)
SMOKE PASSED
EOF
}

[ "$SMOKE_ONLY" = 1 ] || build
smoke_cli
smoke_gui
check_untouched
report
