"""POST data for a StreamField, built from its blocks, as the admin's editor sends it.

Wagtail's editor builds these fields in the browser; a test without JavaScript
needs them spelled out: ``stream_form_data(block, [(name, value), ...], "body")``.
"""

import datetime

from wagtail import blocks
from wagtail.test.utils.form_data import rich_text


def _field_value(block, value):
    if value is None:
        return ""
    if isinstance(block, blocks.RichTextBlock):
        return rich_text(str(value))
    if isinstance(block, blocks.BooleanBlock):
        return "on" if value else ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(getattr(value, "pk", value))


def block_form_data(block, value, prefix):
    """Flat form data for ``value`` (as in ``block.to_python`` input) of ``block``."""
    data = {}
    if isinstance(block, blocks.StreamBlock):
        data[f"{prefix}-count"] = str(len(value))
        for index, (name, child_value) in enumerate(value):
            child_prefix = f"{prefix}-{index}"
            data.update({f"{child_prefix}-type": name, f"{child_prefix}-deleted": ""})
            data.update({f"{child_prefix}-order": str(index), f"{child_prefix}-id": ""})
            data.update(
                block_form_data(block.child_blocks[name], child_value, f"{child_prefix}-value")
            )
    elif isinstance(block, blocks.ListBlock):
        data[f"{prefix}-count"] = str(len(value))
        for index, item in enumerate(value):
            item_prefix = f"{prefix}-{index}"
            data.update({f"{item_prefix}-deleted": "", f"{item_prefix}-order": str(index)})
            data[f"{item_prefix}-id"] = ""
            data.update(block_form_data(block.child_block, item, f"{item_prefix}-value"))
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            data.update(block_form_data(child, value.get(name), f"{prefix}-{name}"))
    else:
        data[prefix] = _field_value(block, value)
    return data


def stream_form_data(stream_block, items, prefix):
    return block_form_data(stream_block, items, prefix)
