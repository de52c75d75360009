.pragma library

// Times on the wall: countdowns "m:ss", clock times "HH:mm", dates "dd/MM/yyyy".

function pad(n) {
    return n < 10 ? "0" + n : "" + n
}

function duration(ms) {
    var total = Math.max(0, Math.ceil(ms / 1000))
    var h = Math.floor(total / 3600)
    var m = Math.floor((total % 3600) / 60)
    var s = total % 60
    return h > 0 ? h + ":" + pad(m) + ":" + pad(s) : m + ":" + pad(s)
}

function clock(ms) {
    var d = new Date(ms)
    return pad(d.getHours()) + ":" + pad(d.getMinutes())
}

function date(ms) {
    var d = new Date(ms)
    return pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear()
}
