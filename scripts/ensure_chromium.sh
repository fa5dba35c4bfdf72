#!/usr/bin/env bash
# `make e2e` needs Debian's Chromium at /usr/bin/chromium (never a browser download).
# As root (CI), install it with apt; otherwise say how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing Debian's chromium with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
else
  echo "make e2e needs /usr/bin/chromium: run 'sudo apt-get install chromium' (Debian/Ubuntu)" >&2
  exit 1
fi
