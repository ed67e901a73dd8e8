#!/usr/bin/env bash
# Renders the demo gallery (out/demo/index.html, made by `./gradlight demo`) in headless Chromium
# and saves a screenshot for the README: docs/demo.png.
#
#   scripts/screenshot_demo.sh [PAGE] [PNG] [WIDTHxHEIGHT] [SCALE]
#
# The page is laid out in a WIDTHxHEIGHT window (default 1280x1600: the "At a glance" section) and
# drawn at SCALE device pixels per CSS pixel (default 0.75, so a 960x1200 PNG of about 300 KB).
#
# Needs Debian's Chromium (`apt-get install -y chromium`). The page needs no network; Chromium's
# own background traffic is switched off, and it runs with a fresh, temporary profile.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
page="${1:-$root/out/demo/index.html}"
png="${2:-$root/docs/demo.png}"
size="${3:-1280x1600}"
scale="${4:-0.75}"

browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "screenshot_demo: Chromium not found; install it with: apt-get install -y chromium" >&2
  exit 1
fi
if [ ! -f "$page" ]; then
  echo "screenshot_demo: $page not found; run ./gradlight demo first" >&2
  exit 1
fi
if ! [[ "$size" =~ ^[0-9]+x[0-9]+$ ]]; then
  echo "screenshot_demo: size must be WIDTHxHEIGHT, got '$size'" >&2
  exit 2
fi
if ! [[ "$scale" =~ ^[0-9]*\.?[0-9]+$ ]]; then
  echo "screenshot_demo: scale must be a positive number, got '$scale'" >&2
  exit 2
fi

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
mkdir -p "$(dirname "$png")"
png="$(cd "$(dirname "$png")" && pwd)/$(basename "$png")"
"$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" --force-device-scale-factor="$scale" \
  --window-size="${size/x/,}" --screenshot="$png" \
  "file://$(cd "$(dirname "$page")" && pwd)/$(basename "$page")" >/dev/null 2>&1
if [ ! -s "$png" ]; then
  echo "screenshot_demo: Chromium wrote no screenshot" >&2
  exit 1
fi
echo "wrote $png ($(du -k "$png" | cut -f1) KB, $size at scale $scale)"
