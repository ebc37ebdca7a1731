#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium) with Playwright; Playwright's
# own browser download is not used. Install it with apt-get where we can.
set -u
if [ -x /usr/bin/chromium ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo -n"
  echo "Memasang Chromium / installing Chromium (apt-get)…"
  if $SUDO apt-get update -qq && $SUDO apt-get install -y -qq chromium >/dev/null; then
    exit 0
  fi
fi
cat >&2 <<'MSG'
Chromium tidak dapat dipasang otomatis; uji peramban akan dilewati.
Chromium could not be installed automatically; the browser tests will be skipped.
Install it yourself, e.g. `sudo apt-get install chromium` (Debian/Ubuntu), so that
/usr/bin/chromium exists, or point IKM_CHROMIUM at a Chromium/Chrome binary.
MSG
exit 1
