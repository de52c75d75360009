#!/usr/bin/env bash
# Runs the demo: the room server on the demo data and, when a display is available, two tablet-app
# windows (one for the chair, one for a delegate) and the wall display, already pointed at it with
# its fingerprint.
# Usage: packaging/run-demo.sh BUILD_DIR DATA_DIR LISTEN
set -euo pipefail
build="$1" data="$2" listen="$3"
server="$build/room-server/room-server"
tablet="$build/tablet-app/tablet-app"
display="$build/display-app/display-app"
pins="$(dirname "$data")/pins.txt"

log="$(mktemp)"
"$server" --data-dir "$data" --listen "$listen" >"$log" &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; rm -f "$log"; kill $(jobs -p) 2>/dev/null || true' EXIT INT TERM

# The server prints its certificate fingerprint, then the address it listens on.
for _ in $(seq 1 100); do
  grep -q '^listening ' "$log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$log"; echo "the room server did not start" >&2; exit 1; }
  sleep 0.1
done
cat "$log"
fingerprint="$(sed -n 's/^fingerprint SHA256 //p' "$log")"
port="${listen##*:}"

if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ -x "$tablet" ]; then
  echo "--- two tablets: log in as the chair (ct) in one and a delegate in the other; PINs in $data/../pins.txt ---"
  "$tablet" --server "127.0.0.1:$port" --fingerprint "$fingerprint" --participant ct &
  "$tablet" --server "127.0.0.1:$port" --fingerprint "$fingerprint" --participant gd-tc &
  if [ -x "$display" ] && [ -f "$pins" ]; then
    # The wall display logs in with its own credential (the display-main line of the PIN slips).
    pin_file="$(mktemp)"
    awk -F'\t' '$2 == "display-main" { print $4 }' "$pins" > "$pin_file"
    # Its QR code shows the machine's LAN address, which tablets in the room can reach.
    lan="$(hostname -I 2>/dev/null | awk '{print $1}')"
    # It records the room's audio per agenda item from the default input (recordings wait for
    # upload in the demo's data folder) and rings its chimes on the default output.
    "$display" --server "127.0.0.1:$port" --fingerprint "$fingerprint" --participant display-main \
      --pin-file "$pin_file" --public-address "${lan:-127.0.0.1}:$port" --windowed \
      --recordings "$(dirname "$data")/recordings" &
  fi
else
  echo "--- no display: start tablets elsewhere with"
  echo "    $tablet --server <this machine>:$port --fingerprint $fingerprint"
fi
echo "--- room server on https://$listen — /healthz, /metrics; Ctrl-C stops everything ---"
tail -n 0 -f --pid "$server_pid" "$log"
