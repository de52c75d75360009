#!/usr/bin/env python3
"""Validates WebSocket frames of the room-server protocol against the JSON Schemas in docs/schemas.

usage: validate_frames.py [--expect-fail] [--quiet] [--require-coverage] SCHEMA_DIR FILE.jsonl...

Each non-blank line of a FILE is one JSON object:
    {"dir": "in",   "frame": {...}}                 client -> server; schema client/<frame.type>.json
    {"dir": "out",  "frame": {...}}                 server -> client; schema server/<frame.type>.json
    {"dir": "http", "kind": "healthz", "frame": {...}}  an HTTP JSON body; schema http/<kind>.json
Optional keys: "note" (free text, ignored) and, for --expect-fail, "expect": a substring that must
occur in at least one of the line's errors, so a bad sample cannot fail for the wrong reason. Each
error reads `at <JSON pointer> [<schema keyword>]: <jsonschema message>`; an "expect" such as
"at /args/text [minLength]" does not depend on the jsonschema version's wording.

For an events frame, each event's payload is also validated against events/<event.type>.json; an
event type without a schema is a failure.

With --require-coverage, the valid lines must together use every schema under client/, server/,
events/ and http/ and every command type of common.json, or the run fails (so a new message,
command or event cannot be added without a sample).

Integers are checked as the server reads them: 5 is an integer, 5.0 and true are not.

Prints every failure with file, line number and the jsonschema error, then `N passed, M failed`
as the last line. Exit status: 0 when every line passed (with --expect-fail: when every line
failed, each for its expected reason), 1 otherwise, 2 on a usage or schema error.
"""

import argparse
import json
import os
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover
    sys.stderr.write("validate_frames.py needs python3-jsonschema (apt-get install python3-jsonschema)\n")
    sys.exit(2)


def die(message):
    print(message, file=sys.stderr)
    sys.exit(2)


def _is_strict_integer(_checker, instance):
    # The server (nlohmann::json is_number_integer) does not take 5.0 or true for an integer.
    return isinstance(instance, int) and not isinstance(instance, bool)


StrictValidator = jsonschema.validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_strict_integer),
)


class Schemas:
    """Every *.json under SCHEMA_DIR, addressable by relative path and by $id."""

    def __init__(self, root):
        self.root = root
        self.by_path = {}
        self.by_id = {}
        for dirpath, _dirs, files in os.walk(root):
            for name in sorted(files):
                if not name.endswith(".json"):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root).replace(os.sep, "/")
                with open(path, encoding="utf-8") as f:
                    try:
                        schema = json.load(f)
                    except json.JSONDecodeError as e:
                        die(f"{path}: not JSON: {e}")
                try:
                    Draft202012Validator.check_schema(schema)
                except jsonschema.exceptions.SchemaError as e:
                    die(f"{path}: not a valid draft 2020-12 schema: {e.message}")
                if "$id" not in schema:
                    die(f"{path}: has no $id")
                self.by_path[rel] = schema
                self.by_id[schema["$id"]] = schema
        if not self.by_path:
            die(f"{root}: no schemas found")
        self._validators = {}
        self._registry = None
        try:  # jsonschema >= 4.18 resolves $ref through the `referencing` library
            from referencing import Registry, Resource
            from referencing.jsonschema import DRAFT202012

            self._registry = Registry().with_resources(
                (sid, Resource.from_contents(s, default_specification=DRAFT202012)) for sid, s in self.by_id.items()
            )
        except ImportError:  # Debian 12 ships jsonschema 4.10: RefResolver with a store
            pass

    def validator(self, rel):
        if rel not in self.by_path:
            return None
        if rel not in self._validators:
            schema = self.by_path[rel]
            if self._registry is not None:
                v = StrictValidator(schema, registry=self._registry)
            else:
                resolver = jsonschema.RefResolver(schema["$id"], schema, store=dict(self.by_id))
                v = StrictValidator(schema, resolver=resolver)
            self._validators[rel] = v
        return self._validators[rel]


def _where(error, prefix=""):
    parts = [str(p) for p in error.absolute_path]
    return prefix + ("/" + "/".join(parts) if parts else "") or "/"


def _describe(error, prefix=""):
    """One line per error; for anyOf/oneOf/if-then failures the most relevant sub-error too."""
    text = f"at {_where(error, prefix)} [{error.validator}]: {error.message}"
    if error.context:
        best = jsonschema.exceptions.best_match(error.context)
        text += f" (because at {_where(best, prefix)} [{best.validator}]: {best.message})"
    return text


def used_schemas(record):
    """The schemas (relative paths) and command types a valid corpus line exercises."""
    direction, frame = record["dir"], record.get("frame")
    if direction == "http":
        return {f"http/{record['kind']}.json"}, set()
    used = {f"{'client' if direction == 'in' else 'server'}/{frame['type']}.json"}
    commands = {frame["command"]} if direction == "in" and frame["type"] == "command" else set()
    if direction == "out" and frame["type"] == "events":
        used |= {f"events/{e['type']}.json" for e in frame["events"]}
    return used, commands


def check_line(schemas, record):
    """Returns the list of problems of one corpus line (empty = valid) and a short label."""
    if not isinstance(record, dict):
        return ["line is not a JSON object"], "?"
    direction = record.get("dir")
    frame = record.get("frame")
    if direction not in ("in", "out", "http"):
        return [f"'dir' must be \"in\", \"out\" or \"http\", not {json.dumps(direction)}"], "?"
    if direction == "http":
        kind = record.get("kind")
        if not isinstance(kind, str):
            return ["an http line needs a string 'kind' (the schema http/<kind>.json)"], "http ?"
        rel, label = f"http/{kind}.json", f"http {kind}"
    else:
        if not isinstance(frame, dict):
            return ["'frame' must be a JSON object"], direction + " ?"
        ftype = frame.get("type")
        if not isinstance(ftype, str):
            return ["frame has no string 'type'"], direction + " ?"
        folder = "client" if direction == "in" else "server"
        rel, label = f"{folder}/{ftype}.json", f"{direction} {ftype}"
        if direction == "in" and ftype == "command" and isinstance(frame.get("command"), str):
            label += " " + frame["command"]

    validator = schemas.validator(rel)
    if validator is None:
        return [f"no schema {rel} (unknown message type)"], label
    problems = [_describe(e) for e in sorted(validator.iter_errors(frame), key=lambda e: list(e.absolute_path))]

    if direction == "out" and isinstance(frame, dict) and frame.get("type") == "events":
        events = frame.get("events")
        for i, event in enumerate(events if isinstance(events, list) else []):
            if not isinstance(event, dict) or not isinstance(event.get("type"), str):
                continue  # already reported by the frame schema
            ev = schemas.validator(f"events/{event['type']}.json")
            prefix = f"/events/{i}/payload"
            if ev is None:
                problems.append(f"at /events/{i}/type: no schema events/{event['type']}.json (unknown event type)")
                continue
            payload = event.get("payload")
            if not isinstance(payload, dict):
                continue  # already reported by the frame schema
            problems += [_describe(e, prefix) for e in ev.iter_errors(payload)]
        seqs = [e.get("seq") for e in (events or []) if isinstance(e, dict)]
        ints = [s for s in seqs if _is_strict_integer(None, s)]
        if ints != sorted(set(ints)):
            problems.append("at /events: seq numbers must be strictly ascending")
        head = frame.get("head")
        if ints and _is_strict_integer(None, head) and ints[-1] > head:
            problems.append(f"at /head: head {head} is below the last event's seq {ints[-1]}")
    return problems, label


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--expect-fail", action="store_true",
                    help="succeed only if every line fails validation (each for its 'expect' reason, if given)")
    ap.add_argument("--quiet", action="store_true", help="with --expect-fail: do not print the expected failures")
    ap.add_argument("--require-coverage", action="store_true",
                    help="fail unless the valid lines use every message, command and event schema")
    ap.add_argument("schema_dir")
    ap.add_argument("files", nargs="+", metavar="FILE.jsonl")
    args = ap.parse_args(argv)

    for path in args.files:
        if not os.path.isfile(path):
            print(f"{path}: no such file", file=sys.stderr)
            return 2
    schemas = Schemas(args.schema_dir)
    passed = failed = 0
    unexpected = 0  # lines whose outcome is not what the mode asks for
    covered, commands_seen = set(), set()
    for path in args.files:
        with open(path, encoding="utf-8") as f:
            for lineno, raw in enumerate(f, 1):
                if not raw.strip():
                    continue
                where = f"{path}:{lineno}"
                try:
                    record = json.loads(raw)
                except json.JSONDecodeError as e:
                    problems, label, record = [f"line is not JSON: {e}"], "?", {}
                else:
                    problems, label = check_line(schemas, record)
                expect = record.get("expect") if isinstance(record, dict) else None
                if problems:
                    failed += 1
                    if args.expect_fail:
                        if isinstance(expect, str) and not any(expect in p for p in problems):
                            unexpected += 1
                            print(f"{where}: FAILED, BUT NOT FOR THE EXPECTED REASON ({expect!r}) [{label}]")
                            for p in problems:
                                print(f"    {p}")
                        elif not args.quiet:
                            print(f"{where}: failed as expected [{label}] {problems[0]}")
                    else:
                        unexpected += 1
                        print(f"{where}: FAIL [{label}]")
                        for p in problems:
                            print(f"    {p}")
                else:
                    passed += 1
                    used, cmds = used_schemas(record)
                    covered |= used
                    commands_seen |= cmds
                    if args.expect_fail:
                        unexpected += 1
                        print(f"{where}: PASSED BUT MUST FAIL [{label}]")
    total = passed + failed
    if args.require_coverage:
        wanted = {rel for rel in schemas.by_path if rel.split("/")[0] in ("client", "server", "events", "http")}
        for rel in sorted(wanted - covered):
            unexpected += 1
            print(f"NOT COVERED: no valid sample uses {rel}")
        all_commands = schemas.by_path.get("common.json", {}).get("$defs", {}).get("commandType", {}).get("enum", [])
        for c in all_commands:
            if c not in commands_seen:
                unexpected += 1
                print(f"NOT COVERED: no valid sample sends the command {c}")
    print(f"{passed} passed, {failed} failed")
    if total == 0:
        return 1
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
