"""Roles from the allow-list or the domain; login off means everyone is a viewer; an incomplete
[auth] with login on fails closed (nobody is an officer, and what is missing is named, never a value);
writing needs an officer, or an explicit entry_without_login."""
import pytest

from analysis.policy.access import OFFICER, PROVIDER_KEYS, SHARED_KEYS, VIEWER, AccessSettings, access_settings

AUTH = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "s3cr3t-cookie",
        "client_id": "cid-123", "client_secret": "csecret-456",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration"}
ACCESS = {"login": True, "officers": ["Can.Bo@Gmail.com"], "officer_domain": "@phuong.gov.vn"}
SECRETS = {"auth": AUTH, "ocop": {"access": ACCESS}}


def test_allow_list_and_domain_make_officers():
    settings = access_settings(SECRETS)
    assert settings.login and not settings.misconfigured and settings.provider is None
    assert settings.role_for("can.bo@gmail.com") == OFFICER
    assert settings.role_for("chu.tich@phuong.gov.vn") == OFFICER
    assert settings.role_for("nguoi.dan@gmail.com") == VIEWER
    assert settings.role_for("x@evilphuong.gov.vn") == VIEWER  # the domain must match whole
    assert settings.role_for(None) == VIEWER


def test_login_without_the_auth_table_fails_closed_instead_of_turning_login_off():
    settings = access_settings({"ocop": {"access": ACCESS}})
    assert settings.login and settings.misconfigured
    assert settings.missing == ("[auth]",)
    assert settings.role_for("can.bo@gmail.com") == VIEWER  # no officer rights while misconfigured
    assert not settings.can_enter(OFFICER) and not settings.can_enter(VIEWER)
    assert not access_settings({}).login and not access_settings({}).misconfigured


@pytest.mark.parametrize("key", SHARED_KEYS + PROVIDER_KEYS)
def test_each_missing_or_blank_auth_key_is_named(key):
    for auth in ({k: v for k, v in AUTH.items() if k != key}, {**AUTH, key: "  "}):
        settings = access_settings({"auth": auth, "ocop": {"access": ACCESS}})
        assert settings.missing == (key,)
        assert settings.role_for("can.bo@gmail.com") == VIEWER
        assert not any(value in " ".join(settings.missing) for value in AUTH.values())  # names, never values


def test_a_redirect_uri_streamlit_would_refuse_is_named():
    settings = access_settings({"auth": {**AUTH, "redirect_uri": "https://x.gov.vn/"}, "ocop": {"access": ACCESS}})
    assert settings.missing == ("redirect_uri …/oauth2callback",)


def test_a_named_provider_table_is_checked():
    shared = {k: AUTH[k] for k in SHARED_KEYS}
    google = {k: AUTH[k] for k in PROVIDER_KEYS}
    only_one = access_settings({"auth": {**shared, "google": google}, "ocop": {"access": ACCESS}})
    assert only_one.provider == "google" and not only_one.misconfigured
    assert only_one.role_for("can.bo@gmail.com") == OFFICER
    partial = {"auth": {**shared, "google": {"client_id": "x"}}, "ocop": {"access": ACCESS}}
    assert access_settings(partial).missing == ("[auth.google] client_secret", "[auth.google] server_metadata_url")
    chosen = {"auth": {**shared, "google": google, "ms": google}, "ocop": {"access": {**ACCESS, "provider": "ms"}}}
    assert access_settings(chosen).provider == "ms" and not access_settings(chosen).misconfigured
    absent = {"auth": {**shared, "google": google}, "ocop": {"access": {**ACCESS, "provider": "ms"}}}
    assert access_settings(absent).missing == ("[auth.ms]",)
    two = {"auth": {**shared, "google": google, "ms": google}, "ocop": {"access": ACCESS}}
    assert access_settings(two).missing == PROVIDER_KEYS  # two providers, none chosen: the default is incomplete


def test_login_written_as_text_still_means_on():
    assert access_settings({"ocop": {"access": {"login": "true"}}}).misconfigured
    assert not access_settings({"ocop": {"access": {"login": "false"}}}).login


def test_writing_needs_an_officer_or_an_explicit_switch():
    assert access_settings(SECRETS).can_enter(OFFICER) and not access_settings(SECRETS).can_enter(VIEWER)
    assert not access_settings({}).can_enter(VIEWER)  # login off: entry forms off by default
    open_entry = access_settings({"ocop": {"access": {"entry_without_login": True}}})
    assert open_entry.can_enter(VIEWER)
    assert AccessSettings(login=False, officers=("a@b.c",)).role_for("a@b.c") == VIEWER


def test_in_a_province_a_units_officers_are_officers_there_only():
    settings = access_settings({"auth": AUTH, "ocop": {"access": {"login": True, "officers": ["tinh@example.gov.vn"]}}})
    unit_officers = ("canbo.30301@example.gov.vn", "pho.30301@example.gov.vn")
    assert settings.role_in_unit("tinh@example.gov.vn", ()) == OFFICER  # the province's officer: everywhere
    assert settings.role_in_unit("Canbo.30301@Example.gov.vn ", unit_officers) == OFFICER  # case and spaces
    assert settings.role_in_unit("canbo.30301@example.gov.vn", ("canbo.30304@example.gov.vn",)) == VIEWER
    assert settings.role_in_unit("someone@example.com", unit_officers) == VIEWER
    assert settings.role_in_unit(None, unit_officers) == VIEWER
    assert settings.can_enter(settings.role_in_unit("pho.30301@example.gov.vn", unit_officers))


def test_without_login_or_with_broken_login_nobody_is_a_units_officer():
    unit_officers = ("canbo.30301@example.gov.vn",)
    assert access_settings({}).role_in_unit("canbo.30301@example.gov.vn", unit_officers) == VIEWER
    broken = access_settings({"ocop": {"access": {"login": True}}})  # [auth] missing: fails closed
    assert broken.role_in_unit("canbo.30301@example.gov.vn", unit_officers) == VIEWER
