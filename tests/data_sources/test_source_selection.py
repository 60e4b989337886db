"""Which source is used: OCOP_DATA over secrets over the demo; credentials; cache TTL."""
from __future__ import annotations

import json

import pytest

from data_sources import DEMO_PATH, SourceError, cache_ttl, credentials_info, resolve_source

SHEET = "https://docs.google.com/spreadsheets/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit#gid=0"


def test_nothing_configured_uses_the_demo():
    config = resolve_source({}, {})
    assert (config.kind, config.location) == ("demo", str(DEMO_PATH))


def test_environment_overrides_secrets():
    config = resolve_source({"OCOP_DATA": "/data/ward.xlsx"}, {"ocop": {"data": SHEET}})
    assert (config.kind, config.location) == ("xlsx", "/data/ward.xlsx")


@pytest.mark.parametrize("value", [SHEET, "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"])
def test_sheet_urls_and_keys_from_secrets(value):
    assert resolve_source({}, {"ocop": {"data": value}}).kind == "gsheet"


def test_credentials_from_secrets_table_first(tmp_path):
    path = tmp_path / "key.json"
    path.write_text(json.dumps({"client_email": "file@x"}))
    env = {"GOOGLE_APPLICATION_CREDENTIALS": str(path)}
    assert credentials_info(env, {"gcp_service_account": {"client_email": "secrets@x"}})["client_email"] == "secrets@x"
    assert credentials_info(env, {})["client_email"] == "file@x"
    assert credentials_info({}, {}) is None


def test_unreadable_credentials_file_is_a_clear_error(tmp_path):
    with pytest.raises(SourceError) as caught:
        credentials_info({"GOOGLE_APPLICATION_CREDENTIALS": str(tmp_path / "nope.json")}, {})
    assert caught.value.code == "credentials_invalid"


def test_cache_ttl_defaults_to_five_minutes_and_is_configurable():
    assert cache_ttl({}, {}) == 300
    assert cache_ttl({"OCOP_CACHE_TTL": "60"}, {}) == 60
    assert cache_ttl({}, {"ocop": {"cache_ttl": 120}}) == 120
    assert cache_ttl({"OCOP_CACHE_TTL": "abc"}, {}) == 300


@pytest.mark.parametrize("value", ["ocop-data-2024-final-v2", "ocop_data_2024_final_version_two_copy",
                                   "data/ward.xlsx", "ward.csv", "C:\\data\\ward"])
def test_file_names_are_paths_not_sheet_keys(value):
    assert resolve_source({"OCOP_DATA": value}, {}).kind == "xlsx"


def test_a_key_shaped_name_that_exists_here_is_a_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    name = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"
    (tmp_path / name).write_bytes(b"")
    assert resolve_source({"OCOP_DATA": name}, {}).kind == "xlsx"
