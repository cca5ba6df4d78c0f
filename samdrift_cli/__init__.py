"""samdrift: arbejdsbog til samdrift mellem almene boligafdelinger (fsb's drejebog)."""

__version__ = "0.1.0"
