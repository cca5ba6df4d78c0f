"""Start pydantic without looking for plugins samdrift does not use.

pydantic's plugin loader imports ``importlib.metadata`` at module level (with ``email``,
``zipfile`` and ``socket`` behind it: ~10 ms, a tenth of ``samdrift check``), even when
``PYDANTIC_DISABLE_PLUGINS`` says there are no plugins to load. When plugins are disabled, a
stand-in module answers ``get_plugins()`` with no plugins, exactly as pydantic's own loader
does then; any other name is looked up in the real loader, imported on first use.
"""

import os
import sys
import types

_LOADER = "pydantic.plugin._loader"


def uden_plugins() -> None:
    """Disable pydantic plugins for this process (unless the user chose otherwise)."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ("__all__", "1", "true") or _LOADER in sys.modules:
        return
    stedfortræder = types.ModuleType(_LOADER, __doc__)
    stedfortræder.get_plugins = lambda: ()

    def __getattr__(navn: str):
        if navn.startswith("__"):  # the import system asks for __path__ and the like
            raise AttributeError(navn)
        del sys.modules[_LOADER]
        import importlib

        ægte = importlib.import_module(_LOADER)
        return getattr(ægte, navn)

    stedfortræder.__getattr__ = __getattr__
    sys.modules[_LOADER] = stedfortræder
