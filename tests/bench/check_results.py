#!/usr/bin/env python3
"""Checks that a room-load results.json has every scenario with numbers for both targets (no timing limits),
and that the vote burst's published count is the ballots cast."""
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
    check_vote_burst(results, problems)
    if results.get("problems"):
        problems.extend(f"reported: {p}" for p in results["problems"])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
