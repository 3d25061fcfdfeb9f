"""API tokens a partner's system sends as ``Authorization: Bearer <token>``: issued
random, kept only as a hash.

What it decides: a new token, how it is stored, and the token a request header carries.
Reads and writes nothing.
"""

from __future__ import annotations

import hashlib
import secrets


def new_token() -> str:
    """A new token: 32 random bytes, URL-safe text."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """How a token is stored: its SHA-256 (a token is 32 random bytes, so no salt is
    needed to make guessing it from the hash hopeless).

    >>> len(token_hash("abc"))
    64
    """
    return hashlib.sha256(token.encode()).hexdigest()


def bearer(header: str | None) -> str:
    """The token of an ``Authorization`` header ("" when it is not a bearer token).

    >>> bearer("Bearer  abc "), bearer("Basic abc"), bearer(None)
    ('abc', '', '')
    """
    header = header or ""
    return header[len("Bearer ") :].strip() if header.startswith("Bearer ") else ""
