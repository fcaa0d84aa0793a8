#!/usr/bin/env bash
# Smoke test of the built .deb without installing it system-wide: unpack it into a temp folder
# (dpkg-deb -x, no root, no container), check its declared GTK dependency, run the CLI
# (`ofa macs`) and start the studio under Xvfb until its window appears, then close it.
# Prints the installer size and the studio's start time (launch to window mapped).
#
#   packaging/smoke-test.sh [path/to.deb]     (default: packaging/target/*.deb)
# Needs: dpkg-deb, xvfb-run, xdotool (apt-get install -y xvfb xdotool).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEB="${1:-$(ls "$ROOT"/packaging/target/*.deb | head -1)}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

echo "smoke: $DEB ($(du -h "$DEB" | cut -f1))"
dpkg-deb -f "$DEB" Depends | grep -q "libgtk-3-0" || fail "the .deb does not declare libgtk-3-0"
dpkg-deb -x "$DEB" "$WORK/root"
BIN="$(dirname "$(find "$WORK/root" -path '*/bin/ofa' -type f | head -1)")"
[ -x "$BIN/ofa" ] && [ -x "$BIN/ofa-studio" ] || fail "launchers bin/ofa and bin/ofa-studio missing"
echo "smoke: unpacked to $WORK/root ($(du -sh "$WORK/root" | cut -f1))"

# The CLI on a clean home (Java takes user.home from the passwd entry, not $HOME, hence the option):
# no ~/.djl.ai cache, no network; libtorch is extracted from the bundled jar when a command needs it.
export JAVA_TOOL_OPTIONS="-Duser.home=$WORK/home"
CONFIG='{"ks":[3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3],"e":[3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3,3],"d":[2,2,2,2,2],"r":224}'
OUT="$(HOME="$WORK/home" "$BIN/ofa" macs --config "$CONFIG" --json)" || fail "ofa macs exited $?"
echo "$OUT" | grep -q '"macs"' || fail "ofa macs printed no macs: $OUT"
echo "smoke: ofa macs -> $(echo "$OUT" | tr -d ' \n')"
ERR="$(env -u JAVA_TOOL_OPTIONS "$BIN/ofa" macs --config "$WORK/none.json" 2>&1 >/dev/null || true)"
[ "$(printf '%s\n' "$ERR" | wc -l)" = 1 ] || fail "a bad input printed more than one line: $ERR"

# The studio under Xvfb: wait for its window, then for its first paint (a screen of more than a
# few colours: the window is white until the scene is drawn), measure both, close.
xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  start=$(date +%s.%N)
  "'"$BIN"'/ofa-studio" --fresh >"'"$WORK"'/studio.log" 2>&1 &
  pid=$!
  for i in $(seq 1 1200); do
    xdotool search --onlyvisible --name "^OFA Studio$" >/dev/null 2>&1 && break
    kill -0 $pid 2>/dev/null || { cat "'"$WORK"'/studio.log" >&2; exit 1; }
    sleep 0.1
  done
  echo "smoke: studio window after $(echo "$(date +%s.%N) - $start" | bc) s"
  for i in $(seq 1 120); do
    import -window root "'"$WORK"'/studio.png" 2>/dev/null
    if [ "$(convert "'"$WORK"'/studio.png" -format %k info:)" -gt 50 ]; then
      echo "smoke: studio painted after $(echo "$(date +%s.%N) - $start" | bc) s"
      kill $pid; wait $pid 2>/dev/null; exit 0
    fi
    sleep 1
  done
  kill $pid; exit 1' || fail "the studio window did not appear or stayed blank (log above)"
[ -n "${SMOKE_SHOT:-}" ] && cp "$WORK/studio.png" "$SMOKE_SHOT"
echo "smoke: PASS"
