.pragma library

// Text shown to people (tablet and wall display): "m:ss" (or "h:mm:ss") for countdowns, "HH:mm" for
// clock times, "dd/MM/yyyy" for dates, lists of details.

function pad(n) {
    return n < 10 ? "0" + n : "" + n
}

// A duration in milliseconds as m:ss, or h:mm:ss from one hour; negative durations count as 0.
function duration(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000))
    var h = Math.floor(total / 3600)
    var m = Math.floor((total % 3600) / 60)
    var s = total % 60
    return h > 0 ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s)
}

// Remaining time until `endsAt` at `now` (both ms since the epoch); 0 when past.
function remaining(endsAt, now) {
    return Math.max(0, endsAt - now)
}

// Clock time "HH:mm" of a server timestamp, in the tablet's local time zone.
function clock(ms) {
    if (!ms)
        return ""
    var d = new Date(ms)
    return pad(d.getHours()) + ":" + pad(d.getMinutes())
}

// Time left of an agenda item: planned minutes minus the time used so far, counting the current
// active period from `startedAt` when the item is active. Negative when over time.
function itemRemaining(plannedMinutes, usedMs, startedAt, active, now) {
    var used = usedMs + (active && startedAt > 0 ? Math.max(0, now - startedAt) : 0)
    return plannedMinutes * 60000 - used
}

// Date "dd/MM/yyyy" of a server timestamp, in the local time zone.
function date(ms) {
    var d = new Date(ms)
    return pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear()
}

// A short form of a receipt hash for reading aloud: the first 8 and last 4 hex digits.
function shortHash(hash) {
    if (!hash || hash.length < 16)
        return hash || ""
    return hash.substring(0, 8) + "…" + hash.substring(hash.length - 4)
}

// The non-empty parts joined with " · " (a line of details under a title).
function details(parts) {
    var shown = []
    for (var i = 0; i < parts.length; ++i)
        if (parts[i])
            shown.push(parts[i])
    return shown.join(" · ")
}
