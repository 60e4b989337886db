"""Local fakes of external services, for tests. Nothing here talks beyond 127.0.0.1."""
