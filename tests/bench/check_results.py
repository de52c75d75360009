#!/usr/bin/env python3
"""Checks that a room-load results.json has every scenario with numbers for both targets (no timing limits),
that every tablet of every reconnect storm ended on the chair's receipt hash, that the vote burst's
published count is the ballots cast, and that every download of the document
distribution was verified (its SHA-256 is the document's id) against the room server and against nginx
(nginx may be reported missing when room-load ran with --require-nginx 0)."""
import json
import numbers
import sys

SCENARIOS = {
    "fanout": [("all_clients", "p50"), ("all_clients", "p99"), ("all_clients", "max"),
               ("per_client", "p50"), ("per_client", "p99"), ("per_client", "max")],
    "reconnect_storm": [("all_clients", "p50"), ("all_clients", "p99"), ("all_clients", "max"),
                        ("per_client", "p50"), ("per_client", "p99"), ("per_client", "max")],
    "memory": [("idle_kb",), ("half_kb",), ("loaded_kb",), ("kb_per_connection",), ("kb_per_connection_with_fixed",)],
    "login": [("seconds",), ("per_second",)],
}

# The vote burst: the same ballot burst against both targets; check-in, the ballots' fan-out and the
# close → result at the display only against the room server (the baseline has no polls).
VOTE_BOTH = [("all_acknowledged_ms",), ("ballots_per_second",),
             ("per_ballot", "p50"), ("per_ballot", "p99"), ("per_ballot", "max")]
VOTE_ROOM = [("all_seen_ms",), ("close_to_display_ms",),
             ("close_to_tablets", "p50"), ("close_to_tablets", "p99"), ("close_to_tablets", "max"),
             ("published", "ballots"), ("published", "yes")]


def number_at(node, field):
    for part in field:
        node = node.get(part) if isinstance(node, dict) else None
    return node if isinstance(node, numbers.Number) and not isinstance(node, bool) else None


def check_vote_burst(results, problems):
    scenario = results.get("scenarios", {}).get("vote_burst")
    if not isinstance(scenario, dict):
        problems.append("vote_burst is missing")
        return
    rounds = ["secret"] + (["named"] if results.get("config", {}).get("vote_rounds", 1) >= 2 else [])
    for target in ("room", "baseline"):
        node = scenario.get(target)
        if not isinstance(node, dict):
            problems.append(f"vote_burst.{target} is missing")
            continue
        tablets = node.get("tablets")
        if not isinstance(tablets, int) or tablets < 1:
            problems.append(f"vote_burst.{target}.tablets is not a positive number")
        if target == "room" and number_at(node, ("check_in", "all_ms")) is None:
            problems.append("vote_burst.room.check_in.all_ms is not a number")
        for kind in rounds:
            r = node.get(kind)
            if not isinstance(r, dict):
                problems.append(f"vote_burst.{target}.{kind} is missing")
                continue
            for field in VOTE_BOTH + (VOTE_ROOM if target == "room" else []):
                if number_at(r, field) is None:
                    problems.append(f"vote_burst.{target}.{kind}.{'.'.join(field)} is not a number")
            if r.get("acknowledged") != tablets or r.get("ballots") != tablets:
                problems.append(f"vote_burst.{target}.{kind}: {r.get('acknowledged')} of {r.get('ballots')} ballots "
                                f"acknowledged, {tablets} tablets")
            if r.get("per_ballot", {}).get("count") != tablets:
                problems.append(f"vote_burst.{target}.{kind}.per_ballot has {r.get('per_ballot', {}).get('count')} "
                                f"samples, not {tablets}")
            if target == "room":
                if r.get("close_to_tablets", {}).get("count") != tablets:
                    problems.append(f"vote_burst.room.{kind}.close_to_tablets does not have a sample per tablet")
                if r.get("verified") is not True:
                    problems.append(f"vote_burst.room.{kind}: the published count was not verified as cast")
                published, cast = r.get("published") or {}, r.get("choices") or {}
                if published.get("ballots") != tablets or published.get("yes") != cast.get("yes"):
                    problems.append(f"vote_burst.room.{kind}: published {published.get('ballots')} ballots, "
                                    f"{published.get('yes')} yes; cast {tablets}, {cast.get('yes')} yes")


def check_storms(results, problems):
    """Every tablet of every storm resynchronised to the chair's receipt hash: room-load times a tablet only
    once it holds that hash, so each storm must have a sample per tablet."""
    config = results.get("config", {})
    expected = config.get("clients", 0) * config.get("storms", 0)
    for target in ("room", "baseline"):
        node = results.get("scenarios", {}).get("reconnect_storm", {}).get(target) or {}
        samples = node.get("per_client", {}).get("count")
        if samples != expected:
            problems.append(f"reconnect_storm.{target}: {samples} tablets resynchronised to the chair's receipt "
                            f"hash, expected {expected}")


# The document distribution: the same fields for the room server and for nginx.
DOC_FIELDS = [("all_ms",), ("wall_ms",), ("mb_per_second",), ("handshakes_ms",),
              ("per_client", "p50"), ("per_client", "p99"), ("per_client", "max"),
              ("first_byte", "p50"), ("first_byte", "p99"), ("first_byte", "max")]


def check_documents(results, problems):
    scenario = results.get("scenarios", {}).get("document_distribution")
    if not isinstance(scenario, dict):
        problems.append("document_distribution is missing")
        return
    doc = scenario.get("document") or {}
    if not isinstance(doc.get("id"), str) or len(doc["id"]) != 64:
        problems.append("document_distribution.document.id is not a SHA-256")
    if not isinstance(doc.get("bytes"), int) or doc["bytes"] < 1:
        problems.append("document_distribution.document.bytes is not a positive number")
    if number_at(doc, ("upload_ms",)) is None:
        problems.append("document_distribution.document.upload_ms is not a number (the upload failed)")
    expected = min(results.get("config", {}).get("doc_clients", 0), results.get("config", {}).get("clients", 0))
    targets = ["room"]
    if scenario.get("nginx_missing") is None:
        targets.append("nginx")
    else:
        print(f"note: the nginx baseline is missing: {scenario['nginx_missing']}")
    for target in targets:
        node = scenario.get(target)
        if not isinstance(node, dict):
            problems.append(f"document_distribution.{target} is missing")
            continue
        for field in DOC_FIELDS:
            if number_at(node, field) is None:
                problems.append(f"document_distribution.{target}.{'.'.join(field)} is not a number")
        clients = node.get("clients")
        if clients != expected or clients < 1:
            problems.append(f"document_distribution.{target}: {clients} clients, expected {expected}")
        if node.get("verified") != clients:
            problems.append(f"document_distribution.{target}: {node.get('verified')} of {clients} downloads verified")
        if node.get("bytes") != clients * doc.get("bytes", 0):
            problems.append(f"document_distribution.{target}: {node.get('bytes')} bytes downloaded, expected "
                            f"{clients} × {doc.get('bytes')}")
        if node.get("per_client", {}).get("count") != clients:
            problems.append(f"document_distribution.{target}.per_client does not have a sample per client")
    if "nginx" in targets and number_at(scenario, ("ratio_mb_per_second",)) is None:
        problems.append("document_distribution.ratio_mb_per_second is not a number")


def main(path):
    with open(path, encoding="utf-8") as f:
        results = json.load(f)
    problems = []
    for key in ("cpu", "cores", "memory_kb"):
        if not results.get("machine", {}).get(key):
            problems.append(f"machine.{key} is missing")
    for scenario, fields in SCENARIOS.items():
        for target in ("room", "baseline"):
            node = results.get("scenarios", {}).get(scenario, {}).get(target)
            if node is None:
                problems.append(f"{scenario}.{target} is missing")
                continue
            for field in fields:
                value = node
                for part in field:
                    value = value.get(part) if isinstance(value, dict) else None
                if not isinstance(value, numbers.Number) or isinstance(value, bool):
                    problems.append(f"{scenario}.{target}.{'.'.join(field)} is not a number")
            for part in ("all_clients", "per_client"):
                if part in node and node[part].get("count", 0) < 1:
                    problems.append(f"{scenario}.{target}.{part} has no samples")
    check_storms(results, problems)
    check_vote_burst(results, problems)
    check_documents(results, problems)
    if results.get("problems"):
        problems.extend(f"reported: {p}" for p in results["problems"])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
