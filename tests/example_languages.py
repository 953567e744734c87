"""Read the example site in each of its languages and print what a resident meets, as JSON.

Run it with the example site's environment, as ``tests/test_example_site.py`` does::

    python tests/example_languages.py

For each language (French at "/", English, Arabic and Spanish under their prefixes) it
reads the hub, the plan and every commitment in that language, and reports for each
page its HTTP status, the ``lang`` and ``dir`` of the document, the share of the
letters of its main content that are Arabic, and the links of its main content and
navigation that lead out of its language (the language switcher's excepted); and, per
language, the status and links of a page that does not exist.
"""

import json
import os
import sys
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "example_site"
PREFIXES = {"fr": "", "en": "/en", "ar": "/ar", "es": "/es"}
ELSEWHERE = ("/static/", "/documents/", "/media/", "/admin/", "/ogp/")


class PageReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.document = {}
        self.main_depth = 0
        self.skipped_depth = 0
        self.main_text = []
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html":
            self.document = {"lang": attributes.get("lang"), "dir": attributes.get("dir")}
        elif tag == "main":
            self.main_depth += 1
        elif tag in {"script", "style"}:
            self.skipped_depth += 1
        elif tag == "a" and attributes.get("href") and "hreflang" not in attributes:
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if tag == "main":
            self.main_depth -= 1
        elif tag in {"script", "style"}:
            self.skipped_depth -= 1

    def handle_data(self, data):
        if self.main_depth and not self.skipped_depth:
            self.main_text.append(data)


def arabic_share(text):
    letters = [character for character in text if character.isalpha()]
    arabic = [c for c in letters if unicodedata.name(c, "").startswith("ARABIC")]
    return len(arabic) / len(letters) if letters else 0.0


def out_of_language(links, prefix):
    """Internal links of a page in the language of ``prefix`` that lead to another language."""
    other_prefixes = tuple(f"{p}/" for p in PREFIXES.values() if p and p != prefix)
    wrong = []
    for href in links:
        path = urlsplit(href).path
        if urlsplit(href).netloc or not path.startswith("/") or path.startswith(ELSEWHERE):
            continue
        if (prefix and not path.startswith(f"{prefix}/")) or path.startswith(other_prefixes):
            wrong.append(path)
    return wrong


def main():
    sys.path.insert(0, str(EXAMPLE_DIR))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "example_site.settings")
    import django

    django.setup()
    from django.test import Client
    from wagtail.models import Locale, Site

    from ogp_wagtail.models import CommitmentPage, OpenGovernmentPage, StrategicVisionPage

    site = Site.objects.get(is_default_site=True)
    client = Client(HTTP_HOST=site.hostname, SERVER_PORT=site.port)
    report = {}
    # A missing page's way back home, in each language.
    not_found = {}
    for language, prefix in PREFIXES.items():
        response = client.get(f"{prefix}/no-such-page/")
        reader = PageReader()
        reader.feed(response.content.decode())
        not_found[language] = {"status": response.status_code, "links": reader.links}
    for language, prefix in PREFIXES.items():
        locale = Locale.objects.get(language_code=language)
        pages = [
            *OpenGovernmentPage.objects.live().filter(locale=locale),
            *StrategicVisionPage.objects.live().filter(locale=locale),
            *CommitmentPage.objects.live().filter(locale=locale).order_by("path"),
        ]
        report[language] = []
        for page in pages:
            url = page.get_url()
            response = client.get(url)
            reader = PageReader()
            reader.feed(response.content.decode())
            report[language].append(
                {
                    "url": url,
                    "type": type(page).__name__,
                    "title": page.title,
                    "status": response.status_code,
                    **reader.document,
                    "arabic_share": arabic_share(" ".join(reader.main_text)),
                    "out_of_language": out_of_language(reader.links, prefix),
                }
            )
    print(json.dumps({"pages": report, "not_found": not_found}))


if __name__ == "__main__":
    main()
