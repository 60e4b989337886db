"""Command line: `python -m analysis summary --data PATH_OR_SHEET --year YYYY`.

Same path as the dashboard: source -> raw workbook -> normalise -> indicators.
"""
from __future__ import annotations

import argparse
import json
import sys

from analysis import strings
from analysis.indicators import years
from analysis.normalise import normalise_workbook
from analysis.summary import summary
from data_sources import SourceError, read_source, resolve_source


def _load(data: str | None):
    env = dict(__import__("os").environ)
    if data:
        env["OCOP_DATA"] = data
    return normalise_workbook(read_source(resolve_source(env, _secrets()), env, _secrets()))


def _secrets() -> dict:
    """.streamlit/secrets.toml, read the way Streamlit would, without starting Streamlit."""
    import tomllib
    from pathlib import Path

    path = Path(".streamlit/secrets.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="OCOP dashboard command line")
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("summary", help="indicators, row accounting and issues as JSON")
    cmd.add_argument("--data", help="an .xlsx path or a Google Sheets URL/key (default: as the dashboard)")
    cmd.add_argument("--year", type=int, help="the year (default: the newest year in the data)")
    cmd.add_argument("--lang", choices=strings.LANGS, default=strings.DEFAULT_LANG)
    args = parser.parse_args(argv)
    try:
        ds = _load(args.data)
    except SourceError as error:
        print(strings.t(f"source_error.{error.code}", args.lang, **error.params), file=sys.stderr)
        return 2
    year = args.year or (years(ds) or [None])[0]
    if year is None:
        print(strings.t("empty.no_data_year", args.lang, year="?"), file=sys.stderr)
        return 2
    json.dump(summary(ds, year, args.lang), sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
