"""What the forms of ogp-wagtail share."""

# The largest primary key a BigAutoField holds.
MAX_ID = 2**63 - 1


def parse_id(value):
    """A primary key typed or forged in a form or a query string, or ``None``.

    Only ASCII digits that fit a database id: ``str.isdigit()`` also accepts "²"
    and "①", which ``int()`` refuses, and a long number overflows the database.
    """
    value = str(value or "")
    if not (value.isascii() and value.isdigit() and len(value) <= 19):
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None
