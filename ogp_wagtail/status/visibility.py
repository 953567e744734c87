"""Whether residents can see a page: the one test of it outside querysets' ``.public()``."""


def shown_to_residents(page):
    """Published, and behind no view restriction (on the page or above it)."""
    return page.live and not page.get_view_restrictions().exists()
