#!/usr/bin/env python3
"""Checks that a room-load results.json has every scenario with numbers for both targets (no timing limits)."""
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
    if results.get("problems"):
        problems.extend(f"reported: {p}" for p in results["problems"])
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
