#!/usr/bin/python3
"""Contract check between schemas/ and the C++ event codec (run with /usr/bin/python3).

Fails (exit 1) unless:
  (a) every schema is a valid JSON Schema 2020-12 document, with $id, examples and
      additionalProperties false on every object it defines;
  (b) every schema's examples validate against it;
  (c) every C++-encoded sample envelope validates against cloudevent.json, and its data against
      schemas/events/<type>.json;
  (d) the catalog, the schema files, cloudevent.json's type enum and the samples name the same types;
  (e) for every probe (a sample mutated by event_samples), the schemas accept it exactly when the
      C++ validation did.
"""
import argparse
import json
import sys
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

DRAFT = "https://json-schema.org/draft/2020-12/schema"


class Report:
    def __init__(self):
        self.failures = []

    def fail(self, message):
        self.failures.append(message)


def load(path, report):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        report.fail(f"{path}: cannot read JSON: {error}")
        return None


def closed_objects(node, where, report, open_paths=()):
    """Every subschema declaring type object must set additionalProperties false."""
    if isinstance(node, dict):
        if node.get("type") == "object" and where not in open_paths and node.get("additionalProperties") is not False:
            report.fail(f"{where}: object schema without additionalProperties: false")
        for key, child in node.items():
            if key not in ("examples", "const", "enum"):
                closed_objects(child, f"{where}/{key}", report, open_paths)
    elif isinstance(node, list):
        for i, child in enumerate(node):
            closed_objects(child, f"{where}/{i}", report, open_paths)


def check_schema(path, schema, report, open_paths=()):
    """(a) and (b); returns a validator, or None when the schema itself is broken."""
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        report.fail(f"{path}: not a valid 2020-12 schema: {error.message}")
        return None
    if schema.get("$schema") != DRAFT:
        report.fail(f"{path}: $schema must be {DRAFT}")
    if not schema.get("$id"):
        report.fail(f"{path}: no $id")
    closed_objects(schema, path.name, report, open_paths)
    validator = Draft202012Validator(schema)
    examples = schema.get("examples")
    if not isinstance(examples, list) or not examples:
        report.fail(f"{path}: no examples")
        examples = []
    for i, example in enumerate(examples):
        for error in validator.iter_errors(example):
            report.fail(f"{path}: examples[{i}] invalid at {error.json_path}: {error.message}")
    return validator


def first_error(validator, instance):
    error = next(iter(validator.iter_errors(instance)), None)
    return None if error is None else f"{error.json_path}: {error.message}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schemas", required=True, type=Path, help="the schemas/ directory")
    parser.add_argument("--samples", required=True, type=Path, help="the output directory of event_samples")
    args = parser.parse_args()
    report = Report()

    # (a), (b)
    envelope_path = args.schemas / "cloudevent.json"
    envelope_schema = load(envelope_path, report)
    envelope = None
    if envelope_schema is not None:
        envelope = check_schema(envelope_path, envelope_schema, report, open_paths=("cloudevent.json/properties/data",))
    data_validators = {}
    ids = {}
    for path in sorted((args.schemas / "events").glob("*.json")):
        schema = load(path, report)
        if schema is None:
            continue
        if schema.get("$id") in ids:
            report.fail(f"{path}: $id also used by {ids[schema['$id']]}")
        ids[schema.get("$id")] = path
        validator = check_schema(path, schema, report)
        if validator is not None:
            data_validators[path.stem] = validator

    # (d)
    catalog = load(args.samples / "catalog.json", report) or []
    if not catalog:
        report.fail("the C++ catalog is empty or missing")
    for type_name in catalog:
        if not (args.schemas / "events" / f"{type_name}.json").exists():
            report.fail(f"{type_name}: catalog type without schemas/events/{type_name}.json")
        if not (args.samples / f"{type_name}.json").exists():
            report.fail(f"{type_name}: catalog type without a C++ sample")
    for type_name in sorted(data_validators.keys() - set(catalog)):
        report.fail(f"schemas/events/{type_name}.json: not a type of the C++ catalog")
    if envelope_schema is not None:
        enum = envelope_schema.get("properties", {}).get("type", {}).get("enum")
        if sorted(enum or []) != sorted(catalog):
            report.fail(f"cloudevent.json: type enum {enum} differs from the catalog {catalog}")

    # (c)
    samples = 0
    for type_name in catalog:
        path = args.samples / f"{type_name}.json"
        sample = load(path, report) if path.exists() else None
        if sample is None:
            continue
        samples += 1
        if envelope is not None:
            for error in envelope.iter_errors(sample):
                report.fail(f"{path.name}: envelope invalid at {error.json_path}: {error.message}")
        if sample.get("type") != type_name:
            report.fail(f"{path.name}: carries type {sample.get('type')!r}")
        if type_name in data_validators:
            for error in data_validators[type_name].iter_errors(sample.get("data")):
                report.fail(f"{path.name}: data invalid at {error.json_path}: {error.message}")

    # (e)
    probes = load(args.samples / "probes.json", report) or []
    verdicts = {(kind, accepted): 0 for kind in ("data", "envelope") for accepted in (True, False)}
    disagreements = 0
    for probe in probes:
        document, type_name = probe["document"], probe["type"]
        if probe["kind"] == "data":
            validator = data_validators.get(type_name)
            if validator is None:
                continue
            reason = first_error(validator, document)
        else:
            if envelope is None:
                continue
            reason = first_error(envelope, document)
            probed_type = document.get("type")
            if reason is None and probed_type in data_validators:
                reason = first_error(data_validators[probed_type], document["data"])
        schema_accepts = reason is None
        verdicts[(probe["kind"], probe["accepted"])] += 1
        if schema_accepts != probe["accepted"]:
            disagreements += 1
            if disagreements <= 25:
                report.fail(
                    f"{type_name} {probe['kind']} probe `{probe['mutation']}`: C++ "
                    f"{'accepts' if probe['accepted'] else 'rejects (' + '; '.join(probe['errors']) + ')'}, "
                    f"schema {'accepts' if schema_accepts else 'rejects (' + reason + ')'}")
    if disagreements > 25:
        report.fail(f"... {disagreements - 25} more probe disagreements")
    for (kind, accepted), count in verdicts.items():
        if count == 0:
            report.fail(f"no {kind} probe that C++ {'accepts' if accepted else 'rejects'}: the probes test nothing")

    if report.failures:
        for failure in report.failures:
            print(f"FAIL {failure}", file=sys.stderr)
        print(f"{len(report.failures)} contract failure(s)", file=sys.stderr)
        return 1
    print(f"ok: {len(data_validators)} event schemas + cloudevent.json, {samples} samples, {len(probes)} probes agree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
