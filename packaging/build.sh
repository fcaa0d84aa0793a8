#!/usr/bin/env bash
# Builds the OFA Studio installers with jpackage: a self-contained app image and, per OS, the
# native installer (Linux: .deb declaring GTK 3; macOS: .dmg; Windows: .msi). Both bundle a
# jlink'ed Java runtime and every jar, libtorch's natives included, so the installed studio
# (ofa-studio) and CLI (ofa) run offline without a JDK or Maven.
#
#   packaging/build.sh            -> packaging/target/{OFA Studio app image, installer}
#   SKIP_MAVEN=1 packaging/build.sh   reuse app/target from an earlier `mvn package`
#
# Needs a JDK 17+ with jpackage/jlink; for the .deb also dpkg-deb and fakeroot.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/packaging/target"
NAME="ofa-studio"
VERSION="${OFA_VERSION:-0.1.0}"
JDK_BIN="${JAVA_HOME:+$JAVA_HOME/bin/}"

if [ -z "${SKIP_MAVEN:-}" ]; then
  echo "packaging: building the jars (mvn package, tests skipped: run mvn -B test for those)" >&2
  (cd "$ROOT" && mvn -B -q -DskipTests package)
fi

rm -rf "$OUT" && mkdir -p "$OUT/input"
cp "$ROOT/app/target/ofa-app.jar" "$OUT/input/"
cp "$ROOT"/app/target/lib/*.jar "$OUT/input/"

# jlink: the JDK modules the jars use (jdeps --print-module-deps over the jars, which stops at some
# multi-release jars, plus what reflection and TLS need: naming, net.http, zipfs, crypto.ec).
MODULES="java.base,java.compiler,java.desktop,java.logging,java.management,java.naming,java.net.http,java.prefs,\
java.scripting,java.sql,java.xml,jdk.crypto.ec,jdk.jfr,jdk.management,jdk.unsupported,jdk.unsupported.desktop,jdk.zipfs"
"${JDK_BIN}jlink" --add-modules "$MODULES" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$OUT/runtime"

COMMON=(--name "$NAME" --app-version "$VERSION" --vendor "OFA Studio" --input "$OUT/input"
  --main-jar ofa-app.jar --main-class dev.ofastudio.app.Main --runtime-image "$OUT/runtime"
  --java-options "-Dai.djl.offline=true" --add-launcher "ofa=$ROOT/packaging/ofa-cli.properties"
  --description "Once-for-All neural architecture search studio for Xilinx/AMD FPGA DPUs" --dest "$OUT")

# The jars and the jlink image are compressed already: gzip builds the .deb in a fraction of xz's
# time for nearly the same size (override with DPKG_DEB_COMPRESSOR_TYPE=xz).
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}"

case "$(uname -s)" in
  Linux)
    ICON="$ROOT/icons/png/ofa-studio-256.png"
    "${JDK_BIN}jpackage" --type app-image --icon "$ICON" "${COMMON[@]}"
    # GTK 3 is what JavaFX needs on Linux; the CLI alone runs without it.
    "${JDK_BIN}jpackage" --type deb --icon "$ICON" --linux-package-deps "libgtk-3-0" \
      --linux-shortcut --linux-menu-group "Development" --linux-app-category "devel" "${COMMON[@]}"
    ;;
  Darwin)
    "${JDK_BIN}jpackage" --type app-image "${COMMON[@]}"
    "${JDK_BIN}jpackage" --type dmg "${COMMON[@]}"
    ;;
  MINGW*|MSYS*|CYGWIN*)
    "${JDK_BIN}jpackage" --type app-image "${COMMON[@]}"
    "${JDK_BIN}jpackage" --type msi --win-menu --win-shortcut "${COMMON[@]}"
    ;;
esac
rm -rf "$OUT/input" "$OUT/runtime"
ls -l "$OUT" >&2
