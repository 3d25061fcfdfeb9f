"""Hiding secrets before a request or response reaches a log.

Carrier traffic is logged in full for support, but passwords, API keys, client secrets
and tokens must never be written out. :func:`mask_secrets` blanks their values in XML
(SOAP envelopes, WS-Security headers), JSON, form bodies and header lines;
:func:`mask_headers` does the same for a header mapping.

>>> mask_secrets('<wsse:Password Type="#PasswordText">s3cret</wsse:Password>')
'<wsse:Password Type="#PasswordText">***</wsse:Password>'
>>> mask_secrets('{"access_token": "abc.def", "expires_in": 3599}')
'{"access_token": "***", "expires_in": 3599}'
>>> mask_secrets("grant_type=client_credentials&client_secret=xyz")
'grant_type=client_credentials&client_secret=***'
>>> mask_headers({"Authorization": "Bearer abc", "Idempotency-Key": "SO042"})
{'Authorization': '***', 'Idempotency-Key': 'SO042'}
"""

from __future__ import annotations

import re
from collections.abc import Mapping

MASK = "***"

#: a field whose name contains one of these holds a secret
_SECRET = (
    r"(?:password|passwd|pwd|secret|token(?!_type)|api[-_]?key|apikey|authorization|credential)"
)
_NAME = rf"[\w.-]*{_SECRET}[\w.-]*"

# <ns:Password attr="..">value</ns:Password>; text-only elements (a UsernameToken that
# wraps Username and Password is left alone, its Password child is masked)
_XML = re.compile(
    rf"(<(?P<tag>(?:[\w.-]+:)?{_NAME})(?:\s[^>]*)?>)[^<]*(</(?P=tag)\s*>)", re.IGNORECASE
)
# "client_secret": "value"  (JSON string values)
_JSON = re.compile(rf'("{_NAME}"\s*:\s*)"(?:[^"\\]|\\.)*"', re.IGNORECASE)
# client_secret=value  (form bodies, query strings)
_FORM = re.compile(rf"((?:^|(?<=[?&\s])){_NAME}=)[^&\s]*", re.IGNORECASE)
# Authorization: Bearer value  (raw header lines)
_HEADER = re.compile(rf"(^|\n)({_NAME}:[ \t]*)[^\r\n]*", re.IGNORECASE)
_SECRET_KEY = re.compile(_SECRET, re.IGNORECASE)


def mask_secrets(text: str) -> str:
    """``text`` with the value of every secret-looking field replaced by ``***``."""
    text = _XML.sub(lambda m: f"{m.group(1)}{MASK}{m.group(3)}", text)
    text = _JSON.sub(lambda m: f'{m.group(1)}"{MASK}"', text)
    text = _FORM.sub(lambda m: f"{m.group(1)}{MASK}", text)
    return _HEADER.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)


def mask_headers(headers: Mapping[str, str]) -> dict[str, str]:
    """A copy of ``headers`` with secret-looking values replaced by ``***``."""
    return {k: (MASK if _SECRET_KEY.search(k) else v) for k, v in headers.items()}


def for_log(body: bytes | str | None, limit: int = 8000) -> str:
    """A masked, length-capped text form of a request or response body."""
    if body is None:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    text = mask_secrets(text)
    if len(text) > limit:
        text = f"{text[:limit]}... ({len(text) - limit} more characters)"
    return text
