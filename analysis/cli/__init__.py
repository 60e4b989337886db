"""Command line: `python -m analysis summary --data PATH_OR_SHEET --year YYYY`,
`python -m analysis template --out FILE.xlsx [--data PATH_OR_SHEET]` and
`python -m analysis create-sheet --sheet URL_OR_KEY [--areas "Vĩnh Phú,Vĩnh Đông"]`
(the contract's tabs, headers and dropdowns in a Google Sheet shared with the service
account as Editor; tabs holding data are left untouched), and
`python -m analysis report --data PATH_OR_SHEET --year YYYY --out FILE.xlsx [--lang vi|en] [--format xlsx|docx]`
(the formatted report for the office above, analysis/outputs/report.py; or the Word report of Decree 30,
analysis/outputs/report_docx.py), and for a province
`python -m analysis sync --registry R` (every unit into the store, analysis/cli/sync.py) and
`python -m analysis province --registry R --year YYYY [--out FILE.xlsx|FILE.docx]` (the store as JSON, or the
province report, in Word when the file ends in .docx; analysis/cli/province.py).

Same path as the dashboard: source -> raw workbook -> normalise -> indicators.
"""
from __future__ import annotations

import argparse
import json
import sys

from analysis.i18n import strings
from analysis.metrics.indicators import years
from analysis.metrics.summary import summary
from analysis.policy.privacy import holds_personal
from analysis.workbook import clock
from analysis.workbook.normalise import normalise_workbook
from data_sources import SourceError, read_source, resolve_source


def _load(data: str | None):
    env = dict(__import__("os").environ)
    if data:
        env["OCOP_DATA"] = data
    config = resolve_source(env, _secrets())
    try:
        raw = read_source(config, env, _secrets())
    except MemoryError:  # the sources turn their own into SourceError; this is the last guard for the CLI
        raise SourceError("xlsx_out_of_memory", path=config.location) from None
    return normalise_workbook(raw)


def _secrets() -> dict:
    """.streamlit/secrets.toml, read the way Streamlit would, without starting Streamlit."""
    import tomllib
    from pathlib import Path

    path = Path(".streamlit/secrets.toml")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, tomllib.TOMLDecodeError):
        return {}


def _operator_only(ds, lang: str, parts: tuple[str, ...]) -> None:
    """One line on stderr when what was just written holds unmasked phones or names (the CLI is the
    operator's, on the server): the summary JSON carries the issues and Thông tin, the report the tables.
    `template --data` writes only khóm names: no line."""
    if holds_personal(ds, parts):
        print(strings.t("privacy.operator_only", lang), file=sys.stderr)


def _report(ds, year: int, args: argparse.Namespace) -> int:
    """`report --data PATH_OR_SHEET --year YYYY --out FILE.xlsx [--lang vi|en]`: the formatted report
    for the office above (analysis/outputs/report.py), made today in Vietnam time."""
    from pathlib import Path

    from analysis.outputs.report import report_bytes
    from analysis.outputs.report_docx import report_docx_bytes

    today = clock.today()
    word = (args.format or Path(args.out).suffix.lower().lstrip(".")) == "docx"  # else the .xlsx report
    try:
        Path(args.out).write_bytes((report_docx_bytes if word else report_bytes)(ds, year, today, args.lang))
    except OSError as error:
        print(strings.t("template.write_failed", args.lang, path=args.out, detail=error.strerror or error),
              file=sys.stderr)
        return 2
    print(strings.t("docx.written" if word else "report.written", args.lang, year=year, path=args.out))
    _operator_only(ds, args.lang, ("tables",))
    return 0


def _template(args: argparse.Namespace) -> int:
    """Writes the officers' template; with --data, its Khóm tab lists that source's khóm."""
    from pathlib import Path

    from analysis.outputs.template import template_bytes

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


def _create_sheet(args: argparse.Namespace) -> int:
    """Gives a Google Sheet the contract's tabs: reads what it holds (data_sources/sheet_writer.py),
    plans what to add (analysis/outputs/sheet_plan.py), sends the plan; prints what it did.

    Not retried: run it again after a failure. It is idempotent, since a tab that got its
    header holds data and is skipped next time. (A tab someone starts filling in between
    the read and the write could get the header over its row 1: run it before officers start.)
    """
    import os

    from analysis.outputs import sheet_plan
    from data_sources import credentials_info
    from data_sources.sheet_writer import apply_plan, read_sheet_state

    lang = args.lang
    areas = [a.strip() for a in (args.areas or "").split(",") if a.strip()]
    try:
        state = read_sheet_state(args.sheet, credentials_info(os.environ, _secrets()), sheet_plan.titles_to_read)
        plan = sheet_plan.plan_sheet(state.sheets, state.contents, areas)
        apply_plan(state, plan.requests, plan.data)
    except SourceError as error:
        print(strings.t(f"source_error.{error.code}", lang, **error.params), file=sys.stderr)
        return 2

    def tabs(titles: list[str]) -> str:
        return ", ".join(titles) if titles else strings.t("create_sheet.none", lang)

    print(strings.t("create_sheet.done", lang, title=state.title, url=state.url))
    print(strings.t("create_sheet.added", lang, n=len(plan.added_tabs), tabs=tabs(plan.added_tabs)))
    print(strings.t("create_sheet.headers", lang, n=len(plan.headers_written), tabs=tabs(plan.headers_written)))
    print(strings.t("create_sheet.validations", lang, n=plan.validations))
    print(strings.t("create_sheet.skipped", lang, n=len(plan.skipped_tabs_with_data),
                    tabs=tabs(plan.skipped_tabs_with_data)))
    if areas and not plan.areas_written:
        print(strings.t("create_sheet.areas_kept", lang))
    elif areas:
        print(strings.t("create_sheet.areas", lang, n=plan.areas_written))
    print(strings.t("create_sheet.requests", lang, n=state.requests))
    return 0


def _registry(args: argparse.Namespace):
    """(registry source, store path) from --registry/--store, else OCOP_REGISTRY/OCOP_STORE and secrets."""
    import os
    from pathlib import Path

    from data_sources import resolve_registry
    from data_sources.store import store_path

    env = dict(os.environ)
    if args.registry:
        env["OCOP_REGISTRY"] = args.registry
    if args.store:
        env["OCOP_STORE"] = args.store
    config = resolve_registry(env, _secrets())
    if config is None:
        return None, None, env
    if config.kind == "demo":
        from analysis.cli.demo_province import demo_store_path, prepare_demo_store

        store = demo_store_path(env, _secrets())
        return prepare_demo_store(store, env, _secrets()), store, env
    return config, Path(store_path(env, _secrets())), env


def _fail(key: str, lang: str, **params) -> int:
    """A plain message on stderr, exit code 2 (what every command does when it cannot go on)."""
    print(strings.t(key, lang, **params), file=sys.stderr)
    return 2


def _sync(args: argparse.Namespace) -> int:
    from analysis.cli.sync import default_workers, run_sync

    config, store, env = _registry(args)
    if config is None:
        return _fail("province.no_registry", args.lang)
    try:
        report = run_sync(config, store, env, _secrets(), workers=args.workers or default_workers(env))
    except SourceError as error:
        return _fail(f"source_error.{error.code}", args.lang, **error.params)
    print(strings.t("province.synced", args.lang, units=report.units, reread=report.reread, failed=report.failed,
                    requests=report.requests, path=store))
    return 0


def _province(args: argparse.Namespace) -> int:
    from analysis.cli.province import load_province, province_json
    from analysis.cli.sync import default_workers, run_sync
    from data_sources.store import store_version

    config, store, env = _registry(args)
    if config is None:
        return _fail("province.no_registry", args.lang)
    try:
        if store_version(store) is None:  # an empty store: sync first
            run_sync(config, store, env, _secrets(), workers=default_workers(env))
        data = load_province(store)
    except SourceError as error:
        return _fail(f"source_error.{error.code}", args.lang, **error.params)
    year = args.year or (data.years() or [clock.today().year])[0]
    if args.out:  # the province report (analysis/outputs/province_report.py) instead of the JSON
        from pathlib import Path

        from analysis.outputs.province_report import province_report_bytes
        from analysis.outputs.report_docx_province import province_report_docx_bytes
        from data_sources import resolve_registry

        try:
            if Path(args.out).suffix.lower() == ".docx":  # the Word report of Decree 30; a demo province is marked
                sample = getattr(resolve_registry(env, _secrets()), "kind", None) == "demo"
                made = province_report_docx_bytes(data.units, data.indicators, year, clock.today(), args.lang,
                                                  sample=sample)
            else:
                made = province_report_bytes(data.units, data.indicators, year, clock.today(), args.lang)
            Path(args.out).write_bytes(made)
        except OSError as error:
            return _fail("template.write_failed", args.lang, path=args.out, detail=error.strerror or error)
        print(strings.t("province_report.written", args.lang, year=year, path=args.out))
        return 0
    json.dump(province_json(data, year, args.lang), sys.stdout, ensure_ascii=False, indent=2)
    print()
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
    sheet = sub.add_parser("create-sheet", help="add the contract's tabs, headers and dropdowns to a Google Sheet "
                                                "(tabs holding data are left untouched)")
    sheet.add_argument("--sheet", required=True, help="the Google Sheets URL or key (shared with the service "
                                                      "account as Editor)")
    sheet.add_argument("--areas", help='khóm names for a new or empty Khóm tab, comma-separated: "Vĩnh Phú,Vĩnh Đông"')
    sheet.add_argument("--lang", choices=strings.LANGS, default=strings.DEFAULT_LANG)
    rep = sub.add_parser("report", help="the formatted .xlsx report for the office above (cover, indicators, "
                                        "products, outreach, training, tasks, data quality)")
    rep.add_argument("--data", help="an .xlsx path or a Google Sheets URL/key (default: as the dashboard)")
    rep.add_argument("--year", type=int, help="the year (default: the newest year in the data)")
    rep.add_argument("--out", required=True, help="the .xlsx (or .docx) file to write")
    rep.add_argument("--format", choices=("xlsx", "docx"),
                     help="xlsx: the formatted workbook; docx: the Word report of Decree 30/2020 (default: by --out's "
                          "suffix)")
    rep.add_argument("--lang", choices=strings.LANGS, default=strings.DEFAULT_LANG)
    for name, text in (("sync", "read every unit of a province's registry into the store (only what changed)"),
                       ("province", "the province's units and totals for a year, from the store, as JSON")):
        cmd = sub.add_parser(name, help=text)
        cmd.add_argument("--registry", help="the registry: an .xlsx path, a Google Sheets URL/key, or demo "
                                            "(default: OCOP_REGISTRY, then [ocop] registry)")
        cmd.add_argument("--store", help="the store file (default: OCOP_STORE, then .store/ocop.duckdb)")
        cmd.add_argument("--lang", choices=strings.LANGS, default=strings.DEFAULT_LANG)
        if name == "sync":
            cmd.add_argument("--workers", type=int, help="processes computing units (default: one per core)")
        else:
            cmd.add_argument("--year", type=int, help="the year (default: the newest year in the store)")
            cmd.add_argument("--out", help="write the province report (.xlsx: one row per unit and the province's "
                                           "totals; .docx: the Word report of Decree 30/2020) to this file instead "
                                           "of printing JSON")
    args = parser.parse_args(argv)
    if args.command == "sync":
        return _sync(args)
    if args.command == "province":
        return _province(args)
    if args.command == "template":
        return _template(args)
    if args.command == "create-sheet":
        return _create_sheet(args)
    try:
        ds = _load(args.data)
    except SourceError as error:
        print(strings.t(f"source_error.{error.code}", args.lang, **error.params), file=sys.stderr)
        return 2
    year = args.year or (years(ds) or [None])[0]
    if year is None:
        print(strings.t("empty.no_data_year", args.lang, year="?"), file=sys.stderr)
        return 2
    if args.command == "report":
        return _report(ds, year, args)
    json.dump(summary(ds, year, args.lang), sys.stdout, ensure_ascii=False, indent=2, default=str)
    print()
    _operator_only(ds, args.lang, ("issues", "info"))
    return 0

