#!/usr/bin/env bash
# Installs the Debian packages the kiosk needs on a bare machine: the libraries Qt's xcb and
# offscreen platforms load, a CJK font (with the extension blocks rare names use), and CUPS's
# client for the A4 printer, its ipptool (cups-ipp-utils: each job's IPP state) and its scheduler (tests run a private cupsd of their own; the
# package's system service is not needed), poppler-utils and zbar-tools (the certificate tests
# and the demo read the printed PDFs back: text, pages as pictures, the QR as a phone decodes it),
# speech-dispatcher with espeak-ng (the voice guide; its tests run against the real daemon), and
# Xvfb with the X tools the kiosk-mode tests use. Idempotent; quiet when everything is there already.
set -euo pipefail
pkgs=(fonts-noto-cjk fonts-noto-cjk-extra fontconfig libgl1 libegl1 libxkbcommon0
      libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4
      libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
      libxcb-image0 libnss3 libasound2 cups-client cups-ipp-utils cups-daemon poppler-utils zbar-tools
      speech-dispatcher speech-dispatcher-espeak-ng espeak-ng
      # the kiosk tested on a real X server, bare and under a window manager (tests/ui/test_kiosk_on_x.py)
      xvfb x11-utils xdotool imagemagick openbox
      # the start-up benchmark counts instructions (bench/bench_startup.py)
      valgrind)
# a bare Debian python3 has no venv module until python3-venv is installed
python3 -c 'import ensurepip, venv' 2>/dev/null || pkgs+=(python3-venv python3-pip)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "Installing system packages: ${missing[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
