"""Search the example site for words found only in a milestone, an update or an evidence item.

Run it with the example site's environment, as ``tests/test_example_site.py`` does::

    python tests/example_search.py

For each kind, it picks a word of one item's text that no commitment's own text and
no other item holds, searches ``/search/`` for it with Django's test client, and
prints, as JSON, the word, the address of the item's commitment and the addresses of
the results.
"""

import json
import os
import re
import sys
from pathlib import Path

EXAMPLE_DIR = Path(__file__).resolve().parent.parent / "example_site"
WORD = re.compile(r"[^\W\d_]{5,}")


def words(text):
    return {word.lower() for word in WORD.findall(text)}


def unique_word(items, others):
    """``(word, item)``: a word of one item found in no other item nor in ``others``."""
    seen = {}
    for item, text in items:
        for word in words(text):
            seen.setdefault(word, []).append(item)
    for word, holders in sorted(seen.items()):
        if len(holders) == 1 and word not in others:
            return word, holders[0]
    raise LookupError("no word is found in one item only")


def main():
    sys.path[0] = str(EXAMPLE_DIR)  # instead of tests/, whose settings.py is not ours
    os.environ["DJANGO_SETTINGS_MODULE"] = "example_site.settings"
    import django

    django.setup()
    from django.test import Client
    from django.test.utils import setup_test_environment

    from ogp_wagtail.models import CommitmentPage, EvidenceItem, Milestone, ProgressUpdate
    from ogp_wagtail.search.documents import own_text, plain

    setup_test_environment()
    client = Client(raise_request_exception=False)
    # The English site, where the example is written (its translations hold the same words).
    commitments = list(CommitmentPage.objects.live().filter(locale__language_code="en"))
    own = set()
    for commitment in commitments:
        own |= words(f"{commitment.title}\n{own_text(commitment)}")
        for amendment in commitment.amendments.all():
            own |= words(f"{amendment.change} {amendment.decision_process}")
    kinds = {
        "milestone": [
            (milestone.page_id, milestone.description)
            for milestone in Milestone.objects.filter(page__in=commitments)
        ],
        "update": [
            (
                update.commitment_id,
                " ".join(
                    [
                        update.display_title,
                        plain(update.progress),
                        plain(update.delay_reasons),
                        plain(update.next_steps),
                    ]
                ),
            )
            for update in ProgressUpdate.objects.filter(live=True, locale__language_code="en")
        ],
        "evidence": [
            (item.page.get_parent().pk, item.description)
            for item in EvidenceItem.objects.select_related("page").filter(
                page__locale__language_code="en"
            )
            if item.description and item.page.get_parent().specific_class is CommitmentPage
        ],
    }
    every_text = {
        kind: {w for _item, text in items for w in words(text)} for kind, items in kinds.items()
    }
    result = {}
    for kind, items in kinds.items():
        others = own.union(*(texts for other, texts in every_text.items() if other != kind))
        word, commitment_id = unique_word(items, others)
        response = client.get("/en/search/", {"q": word})
        result[kind] = {
            "word": word,
            "status": response.status_code,
            "commitment_url": CommitmentPage.objects.get(pk=commitment_id).url,
            "result_urls": re.findall(
                r'<h3 class="ogp-card__title"><a href="([^"]+)"', response.content.decode()
            ),
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
