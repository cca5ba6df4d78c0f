"""Renderers: the terminal (rich) and the JSON documents. They print results; they compute nothing."""
