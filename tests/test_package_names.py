"""The packages that load their names on first use (``journal``, ``export``) hand out
every name they list, and never a submodule in a name's place."""

from __future__ import annotations

import importlib
import types

import pytest


@pytest.mark.parametrize("package", ["reflect_tui.journal", "reflect_tui.export"])
def test_every_listed_name_loads_and_is_not_a_module(package: str) -> None:
    module = importlib.import_module(package)
    for _ in range(2):  # the second time, after every submodule was loaded by the first
        for name in module.__all__:
            value = getattr(module, name)
            assert not isinstance(value, types.ModuleType), f"{package}.{name} is a module"
    with pytest.raises(AttributeError):
        module.no_such_name  # noqa: B018
