"""Wagtail page types, snippets and blocks for an OGP Local member's site."""

__version__ = "0.1.0"
