#!/usr/bin/env bash
# Builds QuickReply.app (PyInstaller, build.spec's BUNDLE step) and a drag-to-install .dmg.
# macOS only (hdiutil). Usage: bash packaging/macos/build.sh [--skip-bundle] [--skip-self-test]
#   PYTHON=.venv/bin/python  the interpreter with PyInstaller and the app's dependencies
# Output: dist/QuickReply.app and dist/QuickReply-<version>-macos-<arch>.dmg
set -euo pipefail

if [ "$(uname -s)" != "Darwin" ]; then
  echo "packaging/macos/build.sh runs on macOS only (it needs hdiutil)." >&2
  exit 2
fi

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON=${PYTHON:-python3}
SKIP_BUNDLE=0
SKIP_SELF_TEST=0
for arg in "$@"; do
  case "$arg" in
    --skip-bundle) SKIP_BUNDLE=1 ;;
    --skip-self-test) SKIP_SELF_TEST=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/desktop/__init__.py")
ARCH=$(uname -m)
APP="$ROOT/dist/QuickReply.app"
DMG="$ROOT/dist/QuickReply-$VERSION-macos-$ARCH.dmg"

if [ "$SKIP_BUNDLE" = 0 ]; then
  "$PYTHON" -m PyInstaller --noconfirm --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build" "$ROOT/build.spec"
fi
[ -x "$APP/Contents/MacOS/quickreply" ] || { echo "missing $APP" >&2; exit 1; }

if [ "$SKIP_SELF_TEST" = 0 ]; then
  QT_QPA_PLATFORM=offscreen "$APP/Contents/MacOS/quickreply" --self-test
fi

# The disk image shows the app next to a link to /Applications, the usual drag-to-install layout.
# A standard (non-admin) user drags it to ~/Applications instead; both work.
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
rm -f "$DMG"
hdiutil create -volname "QuickReply $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"
hdiutil verify "$DMG"
echo "$DMG"
