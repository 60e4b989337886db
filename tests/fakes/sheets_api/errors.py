"""Error bodies as Google sends them, for the Sheets API and for the OAuth token endpoint."""
from __future__ import annotations

# Error bodies exactly as recorded (tests/fakes/recorded/spreadsheets-get-403.json / -404.json);
# the others follow the same shape with the statuses Google documents.
ERROR_STATUS = {
    400: ("INVALID_ARGUMENT", "Request contains an invalid argument."),
    401: (
        "UNAUTHENTICATED",
        "Request is missing required authentication credential. Expected OAuth 2 access "
        "token, login cookie or other valid authentication credential. See "
        "https://developers.google.com/identity/sign-in/web/devconsole-project.",
    ),
    403: ("PERMISSION_DENIED", "The caller does not have permission"),
    404: ("NOT_FOUND", "Requested entity was not found."),
    429: (
        "RESOURCE_EXHAUSTED",
        "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per "
        "minute per user' of service 'sheets.googleapis.com' for consumer "
        "'project_number:100000000001'.",
    ),
    500: ("INTERNAL", "Internal error encountered."),
    502: ("UNKNOWN", "Bad Gateway"),
    503: ("UNAVAILABLE", "The service is currently unavailable."),
    504: ("DEADLINE_EXCEEDED", "The request timed out. Please try again."),
}


class InvalidRequest(Exception):
    """A request the real API would answer 400 INVALID_ARGUMENT (the message is Google's wording)."""


def google_error_body(status: int, message: str | None = None) -> dict:
    name, default_message = ERROR_STATUS.get(status, ("UNKNOWN", "Unknown error."))
    return {"error": {"code": status, "message": message or default_message, "status": name}}


def token_error_body(status: int) -> dict:
    if status >= 500:
        return {"error": "internal_failure", "error_description": "Backend error."}
    return {"error": "invalid_grant", "error_description": "Invalid grant."}
