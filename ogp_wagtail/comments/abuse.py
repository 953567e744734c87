"""Abuse resistance of the public comment forms, as small plain functions.

The comment and report forms are the package's only anonymous write path. What
protects them, besides Django's CSRF protection:

- a **honeypot** field that humans never see nor hear; a comment with it filled
  is stored as spam (moderators can still look) and answered like a success, so
  that a bot learns nothing;
- a **minimum fill time**, measured from a signed timestamp the form carries. A
  missing or forged timestamp is refused (400). A form sent too fast is refused
  too (400) and shown again with a fresh timestamp: a resident who was quick
  just sends it again, nothing lands in the spam folder by mistake, and a bot
  has to wait, which is the point;
- a **rate limit** per client and per email, counting the comments (of every
  status) stored in the window: the database is the store all worker processes
  share, so no cache has to be configured. The client is the HMAC of its IP
  address, never the address itself;
- a limit on **links** in a comment;
- refusing **badly encoded** input and control characters.

Counting then inserting leaves a race: N simultaneous posts from one client
could all see the same count and all be stored, exceeding the limit by up to
N - 1. On PostgreSQL :func:`serialize_for` closes it with transaction-level
advisory locks on the client and the email; on SQLite, writes are serialised by
the database, and the window is as small as one request.
"""

import hashlib
import ipaddress
import re
import time
import unicodedata
from datetime import timedelta

from django.core import signing
from django.db import connection
from django.utils.crypto import salted_hmac

from .conf import comments_settings

TOKEN_SALT = "ogp_wagtail.comments.form-token"  # noqa: S105 (a salt, not a secret)
CLIENT_SALT = "ogp_wagtail.comments.client"
# A form older than this is refused (and shown again with a fresh timestamp): a
# harvested timestamp does not serve forever.
TOKEN_MAX_AGE = 2 * 24 * 3600

# What counts as a link: a scheme followed by "//" (http://, https://, ftp://...),
# "www.", or a scheme that runs code or carries data.
LINK_PATTERN = re.compile(
    r"(?i)(?:\b[a-z][a-z0-9+.\-]*://|\bwww\.|\b(?:javascript|data|vbscript):)"
)


class BadToken(Exception):
    """The form's timestamp is missing, forged or too old."""


# Fill time -------------------------------------------------------------------


def issue_form_token(now=None):
    """A signed timestamp to put in a form, proving when it was served."""
    return signing.dumps(int(now if now is not None else time.time()), salt=TOKEN_SALT)


def form_token_age(token, now=None, max_age=TOKEN_MAX_AGE):
    """Seconds since the form carrying ``token`` was served; :class:`BadToken` if forged."""
    if not token or len(token) > 200:
        raise BadToken("missing")
    try:
        issued = signing.loads(token, salt=TOKEN_SALT)
    except signing.BadSignature as error:
        raise BadToken("forged") from error
    if not isinstance(issued, int):
        raise BadToken("forged")
    age = (now if now is not None else time.time()) - issued
    if age < -5 or age > max_age:  # a few seconds of clock skew between workers
        raise BadToken("expired")
    return max(age, 0)


def is_too_fast(age, minimum=None):
    """Whether a form sent ``age`` seconds after it was served was filled by a machine."""
    minimum = (
        comments_settings.OGP_WAGTAIL_COMMENTS_MIN_FILL_SECONDS if minimum is None else minimum
    )
    return age < minimum


# Content ---------------------------------------------------------------------


def count_links(text):
    """How many links (``https://...``, ``www....``, ``javascript:``...) a text holds."""
    return len(LINK_PATTERN.findall(text or ""))


def has_encoding_errors(text):
    """Whether text was decoded from invalid bytes.

    Django decodes form data with replacement, so invalid UTF-8 arrives as
    U+FFFD; browsers never send that character from a form of ours otherwise.
    """
    return "\ufffd" in text


def has_control_characters(text):
    """Whether text holds control characters other than tab and line breaks (NUL included)."""
    return any(unicodedata.category(char) == "Cc" and char not in "\t\n\r" for char in text)


# Client identity -------------------------------------------------------------


def client_ip(request, header=None):
    """The address of the client: ``REMOTE_ADDR``, or the first entry of a proxy's header.

    ``OGP_WAGTAIL_COMMENTS_CLIENT_IP_HEADER`` names the header set by the site's
    own reverse proxy (e.g. ``"X-Forwarded-For"``); only set it when a proxy
    you control sets it, as clients can send any header themselves.
    """
    header = comments_settings.OGP_WAGTAIL_COMMENTS_CLIENT_IP_HEADER if header is None else header
    if header:
        key = header.upper().replace("-", "_")
        if not key.startswith("HTTP_") and key not in request.META:
            key = "HTTP_" + key
        value = request.META.get(key, "")
        first = value.split(",")[0].strip()
        if first:
            return first
    return request.META.get("REMOTE_ADDR", "") or ""


def normalise_ip(ip):
    """An IPv6 client is the /64 network it holds (one end user has all of it)."""
    try:
        address = ipaddress.ip_address(ip.strip().strip("[]"))
    except ValueError:
        return ip.strip()[:100]
    if address.version == 6:
        if address.ipv4_mapped:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def client_hash(ip):
    """The client's identity as stored: an HMAC-SHA256 of its address keyed by SECRET_KEY.

    Without the secret key the address cannot be recovered, not even by trying
    all four billion IPv4 addresses. Changing SECRET_KEY resets the rate limits.
    """
    return salted_hmac(CLIENT_SALT, normalise_ip(ip), algorithm="sha256").hexdigest()


def request_client_hash(request):
    return client_hash(client_ip(request))


# Rate limits -----------------------------------------------------------------


def rate_limit(count, seconds):
    """``(count, seconds)`` from two settings, or None when a count of 0 switches it off."""
    if not count:
        return None
    return int(count), int(seconds)


def is_over_limit(stored, limit):
    """Whether one more would exceed ``limit`` (``(count, seconds)`` or None) after ``stored``."""
    return limit is not None and stored >= limit[0]


def over_limit(queryset, count, seconds, now):
    """The limit ``(count, seconds)`` the rows of ``queryset`` created in the window reach.

    ``None`` when one more is allowed, or when a count of 0 switches the limit off.
    The rows need a ``created_at``.
    """
    limit = rate_limit(count, seconds)
    if limit is None:
        return None
    stored = queryset.filter(created_at__gte=now - timedelta(seconds=limit[1])).count()
    return limit if is_over_limit(stored, limit) else None


def lock_key(value):
    """A signed 63-bit integer naming ``value``, for PostgreSQL advisory locks."""
    return int.from_bytes(hashlib.sha256(value.encode()).digest()[:8], "big") >> 1


def serialize_for(*names):
    """Inside a transaction, wait for any other request counting the same client or email.

    PostgreSQL only (advisory locks released at commit); elsewhere a no-op.
    Locks are taken in a fixed order so that two requests never deadlock.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for key in sorted({lock_key(name) for name in names if name}):
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
