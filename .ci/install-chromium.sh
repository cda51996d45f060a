#!/usr/bin/env bash
# Installs Debian's Chromium for the sandbox browser test (test/sandbox/), unless it is already
# there. Needs root or sudo; never prompts.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then
  echo "chromium: already installed at $CHROMIUM"
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then as_root=(sudo); fi

${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get update -q
${as_root[@]+"${as_root[@]}"} env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium

if [ ! -x "$CHROMIUM" ]; then
  echo "chromium: apt-get finished but $CHROMIUM is still missing" >&2
  exit 1
fi
echo "chromium: installed at $CHROMIUM"
