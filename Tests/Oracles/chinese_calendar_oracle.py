#!/usr/bin/env python3
"""An independent oracle for onego's working-day calendar, built on the PyPI package `chinesecalendar`
(module `chinese_calendar`), which keeps its own table of the State Council's holiday arrangements.

Used by Tests/OnegoCatalogTests/CalendarOracleTests.swift; install with `pip install chinesecalendar`.

    chinese_calendar_oracle.py status START END
        One line per day from START through END (YYYY-MM-DD): "2025-01-26 1" (working) or "2025-01-28 0".
    chinese_calendar_oracle.py due START END N [N ...]
        For each acceptance day from START through END and each N: "2025-01-24 5 2025-02-07", the N-th working
        day after acceptance (0 = the acceptance day), or "2026-12-31 1 unpublished 2027" when the count needs a
        day outside the years START..END: those years are treated as the only published ones, so the answer
        does not depend on how many years the installed package knows.

Exit status: 0 done, 2 usage error, 3 chinesecalendar missing, 4 the package lacks data for a requested year.
"""
import datetime
import sys

try:
    import chinese_calendar
except ImportError:
    sys.stderr.write("chinese_calendar_oracle: the Python module chinese_calendar is missing; "
                     "install it with `pip install chinesecalendar`\n")
    sys.exit(3)


def parse(text):
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        sys.stderr.write(f"chinese_calendar_oracle: not a date: {text}\n")
        sys.exit(2)


def is_workday(day):
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError as error:
        sys.stderr.write(f"chinese_calendar_oracle: chinesecalendar {getattr(chinese_calendar, '__version__', '?')} "
                         f"has no data for {day.year} ({error}); upgrade it with `pip install -U chinesecalendar`\n")
        sys.exit(4)


def days(start, end):
    day = start
    while day <= end:
        yield day
        day += datetime.timedelta(days=1)


def main(argv):
    if len(argv) < 3 or argv[0] not in ("status", "due") or (argv[0] == "due" and len(argv) < 4):
        sys.stderr.write(__doc__)
        return 2
    start, end = parse(argv[1]), parse(argv[2])
    out = []
    if argv[0] == "status":
        for day in days(start, end):
            out.append(f"{day.isoformat()} {1 if is_workday(day) else 0}")
    else:
        counts = [int(n) for n in argv[3:]]
        first_year, last_year = start.year, end.year
        for accepted in days(start, end):
            for n in counts:
                day, remaining, answer = accepted, n, None
                while remaining > 0:
                    day += datetime.timedelta(days=1)
                    if not first_year <= day.year <= last_year:
                        answer = f"unpublished {day.year}"
                        break
                    if is_workday(day):
                        remaining -= 1
                out.append(f"{accepted.isoformat()} {n} {answer or day.isoformat()}")
    sys.stdout.write("\n".join(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
