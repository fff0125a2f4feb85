#!/usr/bin/env bash
# The conference screen as a kiosk: Chromium full screen on the dashboard's /display page, with nothing
# that asks a passer-by a question (error dialogs, translate bar, "restore pages?"), no pinch zoom or
# swipe-back, the screen kept from blanking, and the browser started again whenever it exits or crashes.
#
#   KIOSK_URL=https://example.org/display?lang=ja deploy/kiosk/display-kiosk.sh
#
# Settings (environment):
#   KIOSK_URL            the page to show (default http://localhost:8501/display)
#   KIOSK_BROWSER        the browser binary (default: chromium, chromium-browser or google-chrome on PATH)
#   KIOSK_PROFILE        the browser's profile directory (default ~/.cache/signatories-kiosk)
#   KIOSK_RESTART_DELAY  seconds before a browser that exited is started again (default 5)
#   KIOSK_HEADLESS       1: headless with a DevTools port, for tests and for checking a machine remotely
#   KIOSK_DEBUG_PORT     that DevTools port, on 127.0.0.1 (default 9222)
#   KIOSK_SCREEN         the headless mode's screen, WIDTHxHEIGHT (default 1920x1080, a Full HD display)
#   KIOSK_EXTRA_FLAGS    more browser flags, split on spaces (e.g. --no-sandbox when run as root)
set -u

KIOSK_URL="${KIOSK_URL:-http://localhost:8501/display}"
KIOSK_BROWSER="${KIOSK_BROWSER:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"
KIOSK_PROFILE="${KIOSK_PROFILE:-${XDG_CACHE_HOME:-$HOME/.cache}/signatories-kiosk}"
KIOSK_RESTART_DELAY="${KIOSK_RESTART_DELAY:-5}"
KIOSK_HEADLESS="${KIOSK_HEADLESS:-}"
KIOSK_DEBUG_PORT="${KIOSK_DEBUG_PORT:-9222}"
KIOSK_SCREEN="${KIOSK_SCREEN:-1920x1080}"
KIOSK_EXTRA_FLAGS="${KIOSK_EXTRA_FLAGS:-}"

log() { echo "display-kiosk: $*" >&2; }

if [ -z "$KIOSK_BROWSER" ] || [ ! -x "$KIOSK_BROWSER" ]; then
    log "no browser found; install Debian's chromium (apt-get install chromium) or set KIOSK_BROWSER"
    exit 1
fi
mkdir -p "$KIOSK_PROFILE"

flags=(
    --kiosk
    --start-fullscreen
    --user-data-dir="$KIOSK_PROFILE"
    --no-first-run
    --no-default-browser-check
    --noerrdialogs
    --disable-infobars
    --disable-session-crashed-bubble
    --disable-translate
    --disable-features=Translate,TranslateUI
    --disable-pinch
    --overscroll-history-navigation=0
    --check-for-update-interval=31536000
    --password-store=basic
    --autoplay-policy=no-user-gesture-required
)
if [ -n "$KIOSK_HEADLESS" ]; then
    flags+=(
        --headless=new
        "--screen-info={$KIOSK_SCREEN}"
        --remote-debugging-address=127.0.0.1
        --remote-debugging-port="$KIOSK_DEBUG_PORT"
    )
fi
# shellcheck disable=SC2206  # split on spaces on purpose
flags+=($KIOSK_EXTRA_FLAGS)

keep_screen_on() {
    # X11 only: no screen saver, no blanking, no power saving of the monitor. (On Wayland the
    # compositor's idle settings do this; see the README.)
    if [ -n "${DISPLAY:-}" ] && command -v xset >/dev/null 2>&1; then
        xset s off s noblank -dpms || log "xset failed; the screen may still blank"
    fi
}

mark_clean_exit() {
    # A browser killed by a power cut leaves "exited_cleanly": false in its profile, and shows a
    # "restore pages?" bubble at the next start; mark the last exit as clean before every start.
    local preferences="$KIOSK_PROFILE/Default/Preferences"
    if [ -f "$preferences" ]; then
        sed -i -e 's/"exited_cleanly":false/"exited_cleanly":true/' \
            -e 's/"exit_type":"[A-Za-z]*"/"exit_type":"Normal"/' "$preferences"
    fi
}

browser_pid=""
stop() {
    log "stopping"
    if [ -n "$browser_pid" ]; then
        kill "$browser_pid" 2>/dev/null
        wait "$browser_pid" 2>/dev/null
    fi
    exit 0
}
trap stop TERM INT HUP

keep_screen_on
while true; do
    mark_clean_exit
    log "starting $KIOSK_BROWSER on $KIOSK_URL"
    "$KIOSK_BROWSER" "${flags[@]}" "$KIOSK_URL" &
    browser_pid=$!
    wait "$browser_pid"
    status=$?
    browser_pid=""
    log "the browser exited with status $status; starting it again in $KIOSK_RESTART_DELAY s"
    sleep "$KIOSK_RESTART_DELAY" &
    wait $!
    keep_screen_on  # a display that went to sleep while the browser was down is woken again
done
