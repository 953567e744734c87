"""Middleware an integrator adds to ``MIDDLEWARE`` (see the README)."""

import codecs

from django.http import HttpResponseBadRequest
from django.utils.log import log_response
from django.utils.translation import gettext as _

FORM_CONTENT_TYPE = "application/x-www-form-urlencoded"


class FormCharsetMiddleware:
    """Answer 400, never 500, to a form POST that declares a charset other than UTF-8.

    Django (>= 5.0) refuses ``application/x-www-form-urlencoded; charset=latin-1`` with
    ``BadRequest`` whenever ``request.POST`` is read, without remembering that it did: its
    400 and 500 views (decorated with ``requires_csrf_token``) read ``request.POST`` again,
    raise again, and the client gets a bare 500. The first reader is usually
    ``CsrfViewMiddleware``, before any view of the site runs, so no view can catch it.

    This middleware answers such a POST first, with a short reason in plain text. A UTF-8
    charset by another name (``utf8``, ``UTF_8``) is read as UTF-8. Put it after
    ``LocaleMiddleware`` (so that the reason is in the visitor's language) and before
    ``CsrfViewMiddleware``::

        "django.middleware.locale.LocaleMiddleware",
        "ogp_wagtail.middleware.FormCharsetMiddleware",
        ...
        "django.middleware.csrf.CsrfViewMiddleware",
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.content_type == FORM_CONTENT_TYPE
            and request.encoding is not None
        ):
            # Django sets ``encoding`` only from a charset Python knows, and treats any
            # spelling but "utf-8" as another charset.
            if codec_name(request.encoding) != "utf-8":
                return refuse_charset(request)
            request.encoding = "utf-8"
        return self.get_response(request)


def codec_name(encoding):
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return None


def refuse_charset(request):
    response = HttpResponseBadRequest(
        _(
            "This form was sent in a character encoding other than UTF-8, which this site "
            "does not accept. Please send it again encoded in UTF-8."
        ),
        content_type="text/plain; charset=utf-8",
    )
    log_response(
        "Bad Request (form not in UTF-8): %s",
        request.path,
        response=response,
        request=request,
    )
    return response
