#!/usr/bin/python3
"""Validates captured events against the schemas: each file in EVENTS_DIR is one CloudEvent as
it crossed the broker. The envelope must match schemas/cloudevent.json and its data
schemas/events/<type>.json. Exit 1 on any failure, or when there is nothing to check."""
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator


def main(schemas_dir, events_dir):
    schemas = Path(schemas_dir)
    envelope = Draft202012Validator(json.loads((schemas / "cloudevent.json").read_text()))
    files = sorted(Path(events_dir).glob("*.json"))
    failures = []
    for path in files:
        event = json.loads(path.read_text())
        failures += [f"{path.name}: envelope: {e.message}" for e in envelope.iter_errors(event)]
        schema_path = schemas / "events" / f"{event.get('type')}.json"
        if not schema_path.exists():
            failures.append(f"{path.name}: no schema for type {event.get('type')}")
            continue
        data = Draft202012Validator(json.loads(schema_path.read_text()))
        failures += [f"{path.name}: data: {e.message}" for e in data.iter_errors(event.get("data"))]
    for failure in failures:
        print(failure)
    print(f"{len(files)} events checked, {len(failures)} failures")
    return 1 if failures or not files else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
