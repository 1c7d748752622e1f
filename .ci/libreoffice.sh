#!/usr/bin/env bash
# Installs Debian's libreoffice-calc-nogui when soffice is missing, for the
# workbook's LibreOffice round trip (checklist/workbook), which fails
# instead of skipping when CI=true.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  echo "soffice: $(soffice --version 2>/dev/null | head -n 1 || echo present)"
  exit 0
fi
echo "installing libreoffice-calc-nogui from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
echo "soffice: $(soffice --version 2>/dev/null | head -n 1)"
