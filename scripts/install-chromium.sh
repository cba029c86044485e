#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser test of GET /docs (DocsPageBrowserTest), unless
# both are there already. Needs root (CI runs as root) and Debian's package mirrors; prints one line, or the apt
# log when apt fails.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    echo "install-chromium: not root; run: sudo apt-get install -y chromium chromium-driver" >&2
    exit 1
fi
echo "install-chromium: installing Debian's chromium and chromium-driver for the browser test"
log="$(mktemp)"
if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
        chromium chromium-driver; } >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    exit 1
fi
rm -f "$log"
