"""Roles from the allow-list or the domain; login off means everyone is a viewer."""
from analysis.policy.access import OFFICER, VIEWER, AccessSettings, access_settings

SECRETS = {"auth": {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x"},
           "ocop": {"access": {"login": True, "officers": ["Can.Bo@Gmail.com"], "officer_domain": "@phuong.gov.vn"}}}


def test_allow_list_and_domain_make_officers():
    settings = access_settings(SECRETS)
    assert settings.login
    assert settings.role_for("can.bo@gmail.com") == OFFICER
    assert settings.role_for("chu.tich@phuong.gov.vn") == OFFICER
    assert settings.role_for("nguoi.dan@gmail.com") == VIEWER
    assert settings.role_for("x@evilphuong.gov.vn") == VIEWER  # the domain must match whole
    assert settings.role_for(None) == VIEWER


def test_login_needs_both_the_switch_and_the_auth_table():
    assert not access_settings({"ocop": {"access": {"login": True}}}).login
    assert not access_settings({}).login
    assert AccessSettings(login=False, officers=("a@b.c",)).role_for("a@b.c") == VIEWER
