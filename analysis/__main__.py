"""Command line: `python -m analysis summary --data PATH_OR_SHEET --year YYYY`
and `python -m analysis template --out FILE.xlsx [--data PATH_OR_SHEET]`.

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


def _template(args: argparse.Namespace) -> int:
    """Writes the officers' template; with --data, its Khóm tab lists that source's khóm."""
    from pathlib import Path

    from analysis.template import template_bytes

    areas: list[str] = []
    if args.data:
        try:
            areas = [str(a) for a in _load(args.data).table("areas")["name"].dropna()]
        except SourceError as error:
            print(strings.t(f"source_error.{error.code}", args.lang, **error.params), file=sys.stderr)
            return 2
    try:
        Path(args.out).write_bytes(template_bytes(areas, args.lang))
    except OSError as error:
        print(strings.t("template.write_failed", args.lang, path=args.out, detail=error.strerror or error),
              file=sys.stderr)
        return 2
    print(strings.t("template.written", args.lang, path=args.out, areas=len(areas)))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description="OCOP dashboard command line")
    sub = parser.add_subparsers(dest="command", required=True)
    cmd = sub.add_parser("summary", help="indicators, row accounting and issues as JSON")
    cmd.add_argument("--data", help="an .xlsx path or a Google Sheets URL/key (default: as the dashboard)")
    cmd.add_argument("--year", type=int, help="the year (default: the newest year in the data)")
    cmd.add_argument("--lang", choices=strings.LANGS, default=strings.DEFAULT_LANG)
    tpl = sub.add_parser("template", help="the officers' blank .xlsx template, generated from the contract")
    tpl.add_argument("--out", required=True, help="the .xlsx file to write")
    tpl.add_argument("--data", help="pre-fill the Khóm tab from this source (an .xlsx path or a Google Sheets "
                                    "URL/key); without it the Khóm tab is left empty")
    tpl.add_argument("--lang", choices=strings.LANGS, default=strings.DEFAULT_LANG,
                     help="language of the instructions (tab and column names are always Vietnamese)")
    args = parser.parse_args(argv)
    if args.command == "template":
        return _template(args)
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
