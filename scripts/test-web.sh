#!/usr/bin/env bash
# End-to-end tests of the web site in headless Chromium against the jar that the Maven build made
# (api/target/glimpse.jar). Installs what is missing on a fresh Debian machine: Debian's chromium
# package (playwright-core drives it; no browser is downloaded) and the site's npm packages.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "test-web: $*" >&2; exit 1; }

command -v node >/dev/null && command -v npm >/dev/null \
  || fail "node and npm are needed (apt-get install -y nodejs npm)"
CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "test-web: installing Debian's chromium package"
  if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
  $SUDO apt-get update -q >/dev/null || fail "apt-get update failed"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q chromium >/dev/null \
    || fail "could not install chromium with apt-get"
fi
[ -x "$CHROMIUM_PATH" ] || fail "no Chromium at $CHROMIUM_PATH"
export CHROMIUM_PATH
[ -f api/target/glimpse.jar ] || fail "no api/target/glimpse.jar: run ./mvnw package first"
if [ ! -d web/node_modules/playwright-core ]; then
  (cd web && npm ci --no-audit --no-fund) || fail "npm ci in web/ failed"
fi
(cd web && npm run e2e) || fail "web end-to-end tests failed; screenshots and the server log are in web/target/e2e-screenshots/"
echo "test-web: passed; screenshots in web/target/e2e-screenshots/"
