"""The status layer: what pages, blocks, feeds and embeds show, loaded once.

It sits between the models and the presentation: it imports models and pure
functions, never page modules or anything that renders.
"""
