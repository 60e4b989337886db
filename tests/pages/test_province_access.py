"""Who sees what in a province (AppTest through app.py on a demo province): the province's officers see
personal data everywhere, a unit's officers (the registry's e-mails) in their own unit only, everyone else
sees it masked."""
from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from analysis.cli.province import load_unit
from tests.conftest import ROOT
from tests.province_support import make_demo_province

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "not-a-real-secret",
        "client_id": "x", "client_secret": "y",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}
SECRETS = {"auth": AUTH, "ocop": {"access": {"login": True, "officers": ["so.nn@example.gov.vn"]}}}
MINE, OTHER = "30301", "30304"  # canbo.30301@example.gov.vn is in the registry for 30301 only


@pytest.fixture(scope="module")
def province(tmp_path_factory):
    return make_demo_province(tmp_path_factory.mktemp("access"))


def phones_shown(province, monkeypatch, unit: str, email: str) -> tuple[set[str], set[str]]:
    """(the phones of the Chủ thể tab as stored, the texts of every table cell the page showed)."""
    for key, value in province.env().items():
        monkeypatch.setenv(key, value)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
    for key, value in SECRETS.items():
        at.secrets[key] = value
    at.user = {"is_logged_in": True, "email": email}
    at.query_params["unit"] = unit
    at.run()
    at.switch_page("pages/outreach.py").run()
    assert not at.exception
    stored = {str(p) for p in load_unit(province.store, unit).tables["producers"]["phone"].dropna()}
    shown = {str(v) for frame in at.dataframe for column in frame.value.columns for v in frame.value[column]}
    return stored, shown


@pytest.mark.parametrize(("unit", "email", "sees"), [
    (MINE, "canbo.30301@example.gov.vn", True),      # a unit's own officer, in that unit
    (OTHER, "canbo.30301@example.gov.vn", False),    # ... not in another unit
    (OTHER, "so.nn@example.gov.vn", True),           # the province's officer: everywhere
    (MINE, "nguoi.dan@example.com", False),          # anyone else: masked
])
def test_personal_data_follows_the_registry(province, monkeypatch, unit, email, sees):
    stored, shown = phones_shown(province, monkeypatch, unit, email)
    assert stored, "the demo unit has phones to hide"
    reached = stored & shown
    assert bool(reached) == sees, (unit, email, sorted(reached)[:3])
