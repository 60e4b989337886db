"""Throwaway service-account credentials for tests.

The RSA key is generated at run time (once per process) and only ever lives in
memory: no key file is written anywhere, and it grants access to nothing.
"""
from __future__ import annotations

import functools

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

SERVICE_ACCOUNT_EMAIL = "ocop-dashboard@test-project.iam.gserviceaccount.com"
PROJECT_ID = "test-project"


@functools.lru_cache(maxsize=1)
def private_key_pem() -> str:
    """A fresh 2048-bit RSA private key in PKCS#8 PEM, the form Google issues."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        encoding=serialization.Encoding.PEM,
        format=serialization.PrivateFormat.PKCS8,
        encryption_algorithm=serialization.NoEncryption(),
    ).decode("ascii")


def make_service_account_info(token_uri: str) -> dict:
    """A service-account JSON dict, as Google's console downloads it.

    `token_uri` is where google-auth will POST its JWT grant: point it at
    FakeSheetsAPI.token_uri so no request leaves 127.0.0.1.
    """
    return {
        "type": "service_account",
        "project_id": PROJECT_ID,
        "private_key_id": "0123456789abcdef0123456789abcdef01234567",
        "private_key": private_key_pem(),
        "client_email": SERVICE_ACCOUNT_EMAIL,
        "client_id": "100000000000000000001",
        "auth_uri": "https://accounts.google.com/o/oauth2/auth",
        "token_uri": token_uri,
        "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",
        "client_x509_cert_url": (
            "https://www.googleapis.com/robot/v1/metadata/x509/"
            "ocop-dashboard%40test-project.iam.gserviceaccount.com"
        ),
        "universe_domain": "googleapis.com",
    }
