#!/usr/bin/env python3
"""Black-box mutation fuzzer for the onego command-line tool (Python 3 standard library only).

    Tests/Fuzz/cli-fuzz.py [--seconds N] [--binary PATH] [--timeout S] [--jobs J] [--seed N] [--keep DIR]

For N seconds (default 180) it takes one of the seven input kinds (catalog, matter, calendar, policy, waivers,
synonyms, and import sources: portal JSON, JSON lines, national-table CSV, template XLSX; seeds from Catalogs/ and
Tests/Fixtures/), mutates it, builds a workspace of the sample district with the
mutated file in place of the original, and runs one command on it with a timeout (default 20 s):

    validate (text and json, validating and --trusted), show, compose (text and json, with answers, --enumerate),
    audit (text, json, sarif, html; to stdout and --output), guide (items and matters, with answers, html and md),
    site, calendar due, calendar check, find (names, pinyin, hostile text), diff (the untouched sample against the
    mutated workspace, text/json/html, --fail-on regression), import (the mutated source through its profile,
    text and json).

Mutations are byte-level (flips, deletions, duplications, truncation, splices) and XML-aware (attribute values and
text replaced by hostile values: huge, negative and non-decimal numbers, 1e20, control and bidi characters, U+2028,
CDATA sections, CR-only line endings, thousands of attributes, deep nesting, repeated elements).

It counts runs, crashes (killed by a signal: traps, segfaults, aborts), hangs (timeouts), and error messages without
a position (a diagnostic line on stderr that names a file but no line:column, except the file-level `io.*`,
`xml.empty` and size-limit rules, or an English `Error: 错误:` double prefix). Each crash or hang is kept in
`--keep` (default Tests/Fuzz/Corpus/cli/), one folder per finding with its whole workspace (the mutated file
among the sample files), stderr, and `command.sh`, which replays it: `ONEGO=.build/debug/onego sh DIR/command.sh`. The exit status is 1 when anything crashed or hung.

The libFuzzer harness beside it (Tests/Fuzz/run) fuzzes the loader in process; this one drives the real binary
the way users and scripts do, so it also reaches argument parsing, output writing and every renderer.
"""

import argparse
import faulthandler
import hashlib
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
ITEMS = os.path.join(ROOT, "Catalogs", "yunxi", "items")
MATTERS = os.path.join(ROOT, "Catalogs", "yunxi", "matters")
CALENDARS = os.path.join(ROOT, "Catalogs", "calendars")
POLICIES = os.path.join(ROOT, "Catalogs", "policies")
WAIVERS = os.path.join(ROOT, "Catalogs", "yunxi", "waivers.xml")
SYNONYMS = os.path.join(ROOT, "Catalogs", "reference", "material-synonyms.xml")
IMPORTS = os.path.join(ROOT, "Tests", "Fixtures", "import")
# Import sources and the profile that reads each; the template workbook is written by `onego template xlsx`.
IMPORT_PROFILES = {".json": "gdzwfw", ".jsonl": "gdzwfw", ".csv": "national-tables", ".xlsx": "template"}

KINDS = ["catalog", "matter", "calendar", "policy", "waivers", "synonyms", "import"]
FIND_TEXTS = ["企业开办", "qykb", "yingyezhizhao", "营业执照", "开饭店", "市场监督管理局", "4400", "食品经营许可",
              "*", "(", "\\", "%", "长" * 2000, "\u202e", " ", "a b c d e f g h", "Z" * 300]

# Values that broke or could break something: numbers out of range, non-decimal forms, invisible characters.
HOSTILE_VALUES = [
    "", "0", "-1", "-0", "1e20", "100000000000000000000", "9223372036854775808", "NaN", "inf", "0x10", "1/0",
    "0/0", "150%", "99999999999%", "0.0000001", "3.5", "10000-01-01", "9999-12-31", "0001-01-01", "2025-02-30",
    " 5 ", "&#x1;", "&#0;", "&amp;", "&lt;x&gt;", "\u000b", "\u2028", "\u202e", "\u200b", "\ufeff", "\u3000",
    "\ud7ff", "\U0001f600", "A" * 5000, "长" * 3000, "${HOME}", "../../etc/passwd", "<![CDATA[x]]>",
]
TEXT_MUTATIONS = ["<![CDATA[烟草专卖零售许可证核发（新办）]]>", "\u202e反转\u202c", "a\u000bb", "&#x2028;", ""]

# An attribute: the look-behind keeps a megabyte-long run of word characters (a mutated text node) linear.
ATTRIBUTE = re.compile(r'(?<!\w)(\w{1,64})="([^"]*)"')
POSITIONLESS_OK = re.compile(r"(io\.[a-z.-]+|xml\.empty|xml\.limit\.file-size|xml\.schema-file)$")
PLACE = re.compile(r":\d+:\d+$")
# Import sources are placed by row (and column or key): file.csv:4:promise_day, book.xlsx:事项!C7, items.jsonl:12.
SOURCE_PLACE = re.compile(r"\.(csv|jsonl?|xlsx)(:\d+(:.+)?|:[^:]+![A-Z]+\d+|:.+)$")


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def seeds():
    """The original files of each kind: (kind, path) pairs."""
    result = {kind: [] for kind in KINDS}
    result["catalog"] = [os.path.join(ITEMS, name) for name in sorted(os.listdir(ITEMS)) if name.endswith(".xml")]
    result["matter"] = [os.path.join(MATTERS, name) for name in sorted(os.listdir(MATTERS)) if name.endswith(".xml")]
    result["calendar"] = [os.path.join(CALENDARS, n) for n in sorted(os.listdir(CALENDARS)) if n.endswith(".xml")]
    result["policy"] = [os.path.join(POLICIES, n) for n in sorted(os.listdir(POLICIES)) if n.endswith(".xml")]
    result["waivers"] = [WAIVERS]
    result["synonyms"] = [SYNONYMS]
    result["import"] = [os.path.join(IMPORTS, n) for n in sorted(os.listdir(IMPORTS))
                        if os.path.splitext(n)[1] in IMPORT_PROFILES and n != "gdzwfw-non-object.json"]
    return result


# MARK: Mutations

def mutate_bytes(data, rng):
    data = bytearray(data)
    choice = rng.randrange(7)
    if not data:
        return bytes(data)
    i = rng.randrange(len(data))
    if choice == 0:  # flip bits in a few bytes
        for _ in range(rng.randint(1, 8)):
            j = rng.randrange(len(data))
            data[j] ^= 1 << rng.randrange(8)
    elif choice == 1:  # delete a range
        del data[i:i + rng.randint(1, 200)]
    elif choice == 2:  # duplicate a range
        chunk = data[i:i + rng.randint(1, 2000)]
        data[i:i] = chunk * rng.randint(1, 20)
    elif choice == 3:  # truncate
        del data[i:]
    elif choice == 4:  # insert special bytes
        data[i:i] = rng.choice([b"\x00", b"\x0b", b"\r", b"\xff\xfe", b"\xe2\x80\xa8", b"<", b">", b"\"", b"&", b"]]>"])
    elif choice == 5:  # CR-only line endings
        data = bytearray(bytes(data).replace(b"\r\n", b"\n").replace(b"\n", b"\r"))
    else:  # splice with another part of the same file
        j = rng.randrange(len(data))
        data[i:i + rng.randint(0, 100)] = data[j:j + rng.randint(1, 300)]
    return bytes(data)


def mutate_xml(text, rng):
    choice = rng.randrange(8)
    if choice == 0:  # an attribute value
        matches = list(re.finditer(ATTRIBUTE, text))
        if matches:
            m = rng.choice(matches)
            value = rng.choice(HOSTILE_VALUES).replace('"', "&quot;").replace("<", "&lt;")
            return text[:m.start(2)] + value + text[m.end(2):]
    elif choice == 1:  # element text
        matches = list(re.finditer(r">([^<>]{1,200})</", text))
        if matches:
            m = rng.choice(matches)
            return text[:m.start(1)] + rng.choice(TEXT_MUTATIONS + HOSTILE_VALUES[:20]) + text[m.end(1):]
    elif choice == 2:  # many attributes on one start tag
        matches = list(re.finditer(r"<(\w+) ", text))
        if matches:
            m = rng.choice(matches)
            many = " ".join("z%d=\"1\"" % k for k in range(rng.choice([300, 5000, 100000])))
            return text[:m.end()] + many + " " + text[m.end():]
    elif choice == 3:  # deep nesting
        depth = rng.choice([70, 300, 20000])
        m = re.search(r"</\w+>\s*$", text)
        if m:
            return text[:m.start()] + "<x>" * depth + "</x>" * depth + text[m.start():]
    elif choice == 4:  # repeat an element
        matches = list(re.finditer(r"<(\w+)\b[^<>]*/>", text))
        if matches:
            m = rng.choice(matches)
            times = min(rng.choice([2, 50, 2000]), max(1, (4 << 20) // len(m.group(0))))  # at most 4 MB more
            return text[:m.end()] + m.group(0) * times + text[m.end():]
    elif choice == 5:  # a huge text node
        matches = list(re.finditer(r">([^<>]{1,200})</", text))
        if matches:
            m = rng.choice(matches)
            return text[:m.start(1)] + "长" * rng.choice([10000, 400000]) + text[m.end(1):]
    elif choice == 6:  # swap two attribute values
        matches = list(re.finditer(ATTRIBUTE, text))
        if len(matches) > 1:
            a, b = sorted(rng.sample(matches, 2), key=lambda m: m.start())
            return text[:a.start(2)] + b.group(2) + text[a.end(2):b.start(2)] + a.group(2) + text[b.end(2):]
    else:  # wrap text in CDATA
        return re.sub(r">([^<>\s][^<>]{0,80})</", lambda m: "><![CDATA[" + m.group(1) + "]]></", text, count=5)
    return text


def mutate(data, rng, kind="catalog"):
    if kind == "import" and data[:2] == b"PK":  # a workbook: mutate a member's XML inside the zip or its bytes
        return mutate_workbook(data, rng)
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        if len(data) > 8 << 20:
            break
        if rng.random() < 0.6:
            try:
                data = mutate_xml(data.decode("utf-8"), rng).encode("utf-8", "surrogatepass")
                continue
            except UnicodeDecodeError:
                pass
        data = mutate_bytes(data, rng)
    return data


def mutate_workbook(data, rng):
    """A template workbook with one of its sheet XML parts mutated (well-formed zip, hostile content), or with
    its zip bytes damaged."""
    import io
    import zipfile
    if rng.random() < 0.3:
        return mutate_bytes(data, rng)
    source = zipfile.ZipFile(io.BytesIO(data))
    names = source.namelist()
    victim = rng.choice([n for n in names if n.endswith(".xml")] or names)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            part = source.read(name)
            if name == victim:
                try:
                    part = mutate_xml(part.decode("utf-8"), rng).encode("utf-8", "surrogatepass")
                except UnicodeDecodeError:
                    part = mutate_bytes(part, rng)
            target.writestr(name, part)
    return out.getvalue()


# MARK: Workspaces and commands

def build_workspace(directory, kind, original, mutated):
    """The sample district, calendars, policy, waivers and synonyms copied into `directory`, with `mutated` in
    place of `original`. Returns the paths commands need."""
    items = os.path.join(directory, "district", "items")
    matters = os.path.join(directory, "district", "matters")
    calendars = os.path.join(directory, "calendars")
    shutil.copytree(ITEMS, items)
    shutil.copytree(MATTERS, matters)
    shutil.copytree(CALENDARS, calendars)
    paths = {
        "district": os.path.join(directory, "district"), "items": items, "matters": matters, "calendars": calendars,
        "policy": os.path.join(directory, "policy.xml"), "waivers": os.path.join(directory, "district", "waivers.xml"),
        "synonyms": os.path.join(directory, "synonyms.xml"),
    }
    shutil.copy(os.path.join(POLICIES, "guangdong-style-2026.xml"), paths["policy"])
    shutil.copy(WAIVERS, paths["waivers"])
    shutil.copy(SYNONYMS, paths["synonyms"])
    target = {
        "catalog": os.path.join(items, os.path.basename(original)),
        "matter": os.path.join(matters, os.path.basename(original)),
        "calendar": os.path.join(calendars, os.path.basename(original)),
        "policy": paths["policy"], "waivers": paths["waivers"], "synonyms": paths["synonyms"],
        "import": os.path.join(directory, "import", os.path.basename(original)),
    }[kind]
    paths["sources"] = [target]
    if kind == "import":
        os.makedirs(os.path.dirname(target))
        if original.endswith(".csv"):  # the national tables are joined: the other three tables come along
            for name in sorted(os.listdir(IMPORTS)):
                if name.endswith(".csv") and name != os.path.basename(original):
                    shutil.copy(os.path.join(IMPORTS, name), os.path.join(os.path.dirname(target), name))
                    paths["sources"].append(os.path.join(os.path.dirname(target), name))
    with open(target, "wb") as handle:
        handle.write(mutated)
    paths["mutated"] = target
    return paths


def codes(data):
    text = data.decode("utf-8", "replace")
    return re.findall(r'handlingCode="([^"]+)"', text) or re.findall(r'implementationCode="([^"]+)"', text)


def matter_answers(text):
    """Question ids and answer values found in a matter file, for --answer arguments."""
    answers = []
    for question in re.finditer(r'<question id="([^"]+)"[^>]*>(.*?)</question>', text, re.S):
        values = re.findall(r'<answer value="([^"]+)"', question.group(2))
        if values:
            answers.append((question.group(1), values))
    return answers


def make_command(kind, paths, mutated, rng, catalog_codes, matter_info):
    """One command line over the workspace."""
    p = paths
    matter_code, answers = rng.choice(matter_info) if matter_info else ("YX-QYKB", [])
    if kind == "matter":
        text = mutated.decode("utf-8", "replace")
        found = re.search(r'<matter [^>]*code="([^"]+)"', text)
        matter_code = found.group(1) if found else matter_code
        answers = matter_answers(text) or answers
    answer_args = []
    for question, values in answers:
        if rng.random() < 0.7:
            answer_args += ["--answer", "%s=%s" % (question, rng.choice(values + ["否", "x"]))]
    code = rng.choice((codes(mutated) if kind != "import" else []) or catalog_codes)
    trusted = ["--trusted"] if rng.random() < 0.25 else []
    out = os.path.join(os.path.dirname(p["policy"]), "out")
    choices = [
        ["validate", p["district"], "--format", rng.choice(["text", "json"])] + trusted,
        ["validate", p["mutated"]] + trusted,
        ["show", code, "--catalog", p["items"]] + trusted,
        ["compose", matter_code, "--catalog", p["district"], "--synonyms", p["synonyms"], "--calendar",
         p["calendars"], "--accepted", "2025-06-03", "--format", rng.choice(["text", "json"])] + answer_args,
        ["compose", matter_code, "--catalog", p["district"], "--enumerate", "--format", "json"],
        ["audit", p["items"], "--policy", p["policy"], "--waivers", p["waivers"], "--matters", p["matters"],
         "--today", "2026-11-21", "--format", rng.choice(["text", "json", "sarif", "html"])] + trusted,
        ["audit", p["items"], "--policy", p["policy"], "--format", rng.choice(["html", "sarif"]), "--output",
         out + ".report"],
        ["guide", code, "--catalog", p["items"], "--accepted", "2025-06-03", "--calendar", p["calendars"],
         "--format", rng.choice(["html", "md"]), "--kind", rng.choice(["guide", "notice", "checklist", "all"])],
        ["guide", matter_code, "--catalog", p["items"], "--matters", p["matters"], "--calendar", p["calendars"],
         "--accepted", "2025-06-03", "--output", out + rng.choice([".html", ".md"])] + answer_args,
        ["site", p["items"], "--out", out + "-site", "--matters", p["matters"], "--date", "2026-11-21"],
        ["calendar", "due", rng.choice(["2025-01-24", "2024-12-31", "2026-12-30", "9999-12-31"]),
         rng.choice(["0", "0.5", "5", "20", "3650", "-1", "0x10"]), "--unit",
         rng.choice(["workday", "day", "hour", "minute"]), "--calendar", p["calendars"]],
        ["calendar", "check", p["calendars"]],
        ["find", rng.choice(FIND_TEXTS + [code, matter_code]), p["district"], "--format", rng.choice(["text", "json"])],
        ["diff", ITEMS, p["items"], "--policy", p["policy"], "--format", rng.choice(["text", "json", "html"])]
        + (["--fail-on", "regression"] if rng.random() < 0.5 else []) + trusted,
        ["import"] + p["sources"] + ["--profile", IMPORT_PROFILES.get(os.path.splitext(p["mutated"])[1], "template"),
         "--out", out + "-import", "--format", rng.choice(["text", "json"])],
    ]
    # Prefer the commands that read the mutated kind.
    preferred = {
        "catalog": [0, 1, 2, 3, 5, 6, 7, 8, 9, 12, 13], "matter": [0, 3, 4, 5, 8, 9, 12], "calendar": [3, 7, 8, 10, 11],
        "policy": [5, 6, 13], "waivers": [0, 5], "synonyms": [0, 3, 4, 12], "import": [14],
    }[kind]
    return choices[rng.choice(preferred)] if rng.random() < 0.85 else rng.choice(choices)


# MARK: Running

class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.runs = 0
        self.crashes = 0
        self.hangs = 0
        self.positionless = 0
        self.double_prefix = 0
        self.positionless_rules = {}
        self.exit_codes = {}
        self.kept = []


def positionless_lines(stderr):
    """Diagnostic lines that should carry file:line:column and do not (string searches, no backtracking regex:
    a message may quote a megabyte-long value)."""
    found = []
    for line in stderr.splitlines():
        if line.startswith("Error: 错误"):
            found.append(("double-prefix", line[:300]))
            continue
        cut = min((i for i in (line.find(": 错误: "), line.find(": 警告: ")) if i >= 0), default=-1)
        if line.startswith("错误: ") or line.startswith("警告: "):
            cut = 0  # no file at all
        rule_start = line.rfind(" [")
        if cut < 0 or rule_start < 0 or not line.endswith("]"):
            continue
        rule = line[rule_start + 2:-1]
        if POSITIONLESS_OK.match(rule):
            continue
        if not PLACE.search(line[:cut]) and not (rule.startswith("import.") and SOURCE_PLACE.search(line[:cut])):
            found.append((rule, line[:300]))
    return found


def keep(directory, kind, paths, mutated, command, result, reason, keep_root):
    """Keeps the whole workspace (about 1 MB) with a script that replays the command on it."""
    digest = hashlib.sha1(mutated + " ".join(command[:2]).encode()).hexdigest()[:12]
    target = os.path.join(keep_root, "%s-%s-%s" % (reason, kind, digest))
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(directory, os.path.join(target, "workspace"), ignore=shutil.ignore_patterns("out*"))
    replay = []
    for part in command:
        if part.startswith(directory):
            replay.append('"$W"' + shlex.quote(part[len(directory):]))
        else:
            replay.append(shlex.quote(part))
    with open(os.path.join(target, "command.sh"), "w") as handle:
        handle.write("#!/bin/sh\n# %s: %s was mutated (workspace/%s). Replay: ONEGO=path/to/onego sh command.sh\n"
                     % (reason, kind, os.path.relpath(paths["mutated"], directory)))
        handle.write('W="$(cd "$(dirname "$0")/workspace" && pwd)"\n')
        handle.write('ONEGO_SCHEMAS="${ONEGO_SCHEMAS:-%s}" ONEGO_CALENDARS="$W/calendars" "${ONEGO:-onego}" %s\n'
                     % (os.path.join(ROOT, "Schemas"), " ".join(replay)))
    with open(os.path.join(target, "stderr.txt"), "w") as handle:
        handle.write(result)
    return target


def one_run(binary, rng, all_seeds, tally, args, catalog_codes, matter_info):
    kind = rng.choice(KINDS)
    original = rng.choice(all_seeds[kind])
    mutated = mutate(read(original), rng, kind)
    directory = tempfile.mkdtemp(prefix="onego-cli-fuzz-")
    try:
        paths = build_workspace(directory, kind, original, mutated)
        command = make_command(kind, paths, mutated, rng, catalog_codes, matter_info)
        environment = dict(os.environ, ONEGO_SCHEMAS=os.path.join(ROOT, "Schemas"),
                           ONEGO_CALENDARS=paths["calendars"], SWIFT_BACKTRACE="enable=no")
        reason = None
        stderr = ""
        started = time.monotonic()
        try:
            completed = subprocess.run(
                [binary] + command, cwd=directory, env=environment, stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=args.timeout, start_new_session=True)
            stderr = completed.stderr.decode("utf-8", "replace")
            status = completed.returncode
            if status < 0 or status > 128 or "Fatal error" in stderr:
                reason = "crash"
        except subprocess.TimeoutExpired as expired:
            status = "timeout"
            reason = "hang"
            stderr = (expired.stderr or b"").decode("utf-8", "replace")
        problems = positionless_lines(stderr)
        if args.verbose:
            print("[%s %s %.1fs] %s\n    %s" % (kind, status, time.monotonic() - started, " ".join(command[:3]),
                                               stderr.strip()[:400].replace("\n", "\n    ")), file=sys.stderr)
        with tally.lock:
            tally.runs += 1
            tally.exit_codes[status] = tally.exit_codes.get(status, 0) + 1
            for rule, line in problems:
                if rule == "double-prefix":
                    tally.double_prefix += 1
                else:
                    tally.positionless += 1
                    tally.positionless_rules.setdefault(rule, line)
            if reason:
                if reason == "crash":
                    tally.crashes += 1
                else:
                    tally.hangs += 1
                tally.kept.append(keep(directory, kind, paths, mutated, command, stderr, reason, args.keep))
                print("%s: %s (%s)" % (reason, " ".join(command[:2]), tally.kept[-1]), file=sys.stderr)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "onego"))
    parser.add_argument("--timeout", type=float, default=20)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep", default=os.path.join(ROOT, "Tests", "Fuzz", "Corpus", "cli"))
    parser.add_argument("--verbose", action="store_true", help="print each command, its exit status and stderr")
    args = parser.parse_args()
    if not os.access(args.binary, os.X_OK):
        sys.exit("no onego binary at %s: build it first (swift build, or -c release and --binary)" % args.binary)
    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    all_seeds = seeds()
    workbook = os.path.join(tempfile.mkdtemp(prefix="onego-cli-fuzz-seed-"), "template.xlsx")
    if subprocess.run([args.binary, "export", "xlsx", ITEMS, "--out", workbook], stdout=subprocess.DEVNULL,
                      stderr=subprocess.DEVNULL).returncode == 0:
        all_seeds["import"].append(workbook)
    catalog_codes = [c for path in all_seeds["catalog"] for c in codes(read(path))]
    matter_info = []
    for path in all_seeds["matter"]:
        text = read(path).decode("utf-8")
        found = re.search(r'<matter [^>]*code="([^"]+)"', text)
        if found:
            matter_info.append((found.group(1), matter_answers(text)))
    tally = Tally()
    deadline = time.monotonic() + args.seconds
    counter = [0]
    counter_lock = threading.Lock()

    def worker():
        while time.monotonic() < deadline:
            with counter_lock:
                counter[0] += 1
                rng = random.Random(seed * 1_000_003 + counter[0])
            one_run(args.binary, rng, all_seeds, tally, args, catalog_codes, matter_info)

    signal.signal(signal.SIGINT, lambda *_: os._exit(130))
    faulthandler.register(signal.SIGUSR1)  # kill -USR1 PID prints where the fuzzer itself is
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for _ in range(args.jobs):
            pool.submit(worker)
    print("seed %d: %d runs, %d crashes, %d hangs, %d error messages without a position, %d with 'Error: 错误:'"
          % (seed, tally.runs, tally.crashes, tally.hangs, tally.positionless, tally.double_prefix))
    print("exit codes: " + ", ".join("%s×%d" % (k, v) for k, v in sorted(tally.exit_codes.items(), key=str)))
    for rule, line in sorted(tally.positionless_rules.items()):
        print("  without position [%s]: %s" % (rule, line[:300]))
    for path in tally.kept:
        print("  kept " + path)
    sys.exit(1 if tally.crashes or tally.hangs else 0)


if __name__ == "__main__":
    main()
