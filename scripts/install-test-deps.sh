#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine (as root): PostgreSQL for the
# integration tests, Debian's Chromium and fonts for the browser tests, LibreOffice (DOCX to PDF) and
# poppler-utils (pdftotext, to read the PDFs back) for the document tests, and Node.js with the S3-compatible
# server of the S3 attachment store's tests (tests/s3rver, from its package-lock.json). Idempotent and quick when done.
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql postgresql-contrib)
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -d /usr/share/fonts/truetype/lao ] || dpkg -s fonts-lao >/dev/null 2>&1 || need+=(fonts-lao)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
command -v python3 >/dev/null || need+=(python3)
command -v soffice >/dev/null || need+=(libreoffice-writer-nogui)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v npm >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then echo "Missing ${need[*]}: run this script as root." >&2; exit 1; fi
  echo "Installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

# Installed again whenever its lock file changes (the copy in node_modules says which one was installed).
s3rver=tests/s3rver
if ! cmp -s "$s3rver/package-lock.json" "$s3rver/node_modules/.installed-lock.json"; then
  echo "Installing the S3 test server ($s3rver)"
  (cd "$s3rver" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null)
  cp "$s3rver/package-lock.json" "$s3rver/node_modules/.installed-lock.json"
fi
