"""A form POST declaring a charset other than UTF-8 is answered 400, never 500 (issue 8, item 24).

Django refuses ``application/x-www-form-urlencoded; charset=latin-1`` with ``BadRequest``
the first time ``request.POST`` is read, but remembers nothing: its 400 and 500 views
(``requires_csrf_token``) read ``request.POST`` again, raise again, and the client gets a
bare 500. Through Django's test client the CSRF check is off or answers 403 first, so the
example site is served for real and spoken to over a socket.
"""

import pytest

from tests.example_server import (
    example_env,
    only_in_the_sqlite_run,
    request,
    run,
    serve_example,
)

pytestmark = [pytest.mark.slow, only_in_the_sqlite_run]
# A CSRF secret in the cookie, sent back unmasked as the form's token: the two match.
CSRF_SECRET = "a" * 16 + "B" * 16
FORM_URLS = [
    "/ogp/comments/post/",
    "/ogp/comments/report/",
    # The follow form of a commitment the site does not have: the charset is refused first.
    "/ogp/follow/00000000-0000-4000-8000-000000000000/",
]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    directory = tmp_path_factory.mktemp("bad_charset")
    env = example_env(directory)
    # No content is needed: the refusal comes before any page or comment is looked up.
    run(env, "migrate", "--no-input", "-v", "0")
    log = directory / "runserver.log"
    with serve_example(env, log) as port:
        yield {"port": port, "log": log}


def post_form(port, path, charset, *, cookie, text="Ren%E9"):
    """A form declaring ``charset``; by default its text is Latin-1, as the charset says."""
    headers = {
        "Content-Type": f"application/x-www-form-urlencoded; charset={charset}",
        "Accept-Language": "en",
    }
    if cookie:
        headers["Cookie"] = f"csrftoken={CSRF_SECRET}"
    body = f"csrfmiddlewaretoken={CSRF_SECRET}&name={text}&body=caf{text}".encode()
    return request(port, "POST", path, body, headers)


@pytest.mark.parametrize("charset", ["latin-1", "iso-8859-1", '"latin-1"', "utf-16"])
@pytest.mark.parametrize("cookie", [True, False], ids=["csrf-cookie", "no-csrf-cookie"])
@pytest.mark.parametrize("path", FORM_URLS)
def test_a_form_in_another_charset_is_answered_400_with_a_reason(server, path, cookie, charset):
    status, headers, body = post_form(server["port"], path, charset, cookie=cookie)

    assert status == 400, (status, body[:300], server["log"].read_text()[-3000:])
    assert headers["Content-Type"].startswith("text/plain")
    assert b"UTF-8" in body


def test_the_refusal_does_not_depend_on_where_the_form_is_sent(server):
    status, _headers, body = post_form(server["port"], "/", "latin-1", cookie=True)
    assert status == 400 and b"UTF-8" in body


@pytest.mark.parametrize("charset", ["utf8", "UTF_8", "utf-8", "UTF-8"])
def test_utf8_by_another_name_is_read_as_utf8(server, charset):
    """The form reaches the comment view, which reads it and refuses its (missing) target."""
    status, _headers, body = post_form(
        server["port"], "/ogp/comments/post/", charset, cookie=True, text="Ren%C3%A9"
    )
    assert status == 400, (status, body[:300], server["log"].read_text()[-3000:])
    # In the example site's first language, French: "the page is not open for comments".
    assert "cette page n’est pas ouverte aux commentaires".encode() in body
