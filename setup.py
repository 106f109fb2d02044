"""Packaging: the metadata is in pyproject.toml; this adds the source tree the builds read.

A wheel (`pip install mpforge`, not editable) carries SConstruct, the Kconfig files, configs/,
py/, ports/, frozen/ and site_scons/ as package data under mpforge/_data, where
mpforge/paths.py finds them. An editable install reads them from the checkout instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
TREE = ("SConstruct", "Kconfig", "configs", "py", "ports", "frozen", "site_scons")
_JUNK = shutil.ignore_patterns("__pycache__", "*.pyc", ".*")


class BuildPyWithTree(build_py):
    """build_py, plus the source tree copied into the wheel's mpforge/_data."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        data = Path(self.build_lib) / "mpforge" / "_data"
        if data.exists():
            shutil.rmtree(data)
        data.mkdir(parents=True)
        for name in TREE:
            source = HERE / name
            if source.is_dir():
                shutil.copytree(source, data / name, ignore=_JUNK)
            else:
                shutil.copy2(source, data / name)


setup(cmdclass={"build_py": BuildPyWithTree})
