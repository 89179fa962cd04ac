"""The criterion sets and playbooks shipped with parcalc, and resolving a name that is
either a shipped id or a path."""

from __future__ import annotations

import os
from pathlib import Path

from ..core.errors import CriteriaError
from ..core.messages import Msg
from ..core.model import CriterionSet
from .filenames import spelled_on_disk


def sets_folder() -> Path:
    """Installed wheels carry the sets as parcalc/sets; a source checkout has criteria/."""
    package = Path(__file__).resolve().parents[1]  # parcalc/, above this read/ folder
    packaged = package / "sets"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "criteria"


def playbooks_folder() -> Path:
    return sets_folder() / "playbooks"


def shipped_ids(folder: Path | None = None) -> list[str]:
    folder = sets_folder() if folder is None else folder
    return sorted(path.stem for path in folder.glob("*.yaml")) if folder.is_dir() else []


def _resolve(name: str, folder: Path) -> Path | None:
    """The path `name` means: itself if it is one, else the shipped file of that id; None
    when it is neither."""
    candidate = spelled_on_disk(name)
    if candidate.suffix.lower() in (".yaml", ".yml") or os.path.exists(candidate):
        return candidate
    shipped = folder / f"{name}.yaml"
    return shipped if os.path.isfile(shipped) else None  # os.path: False, not an error, for a name too long


def _known(folder: Path) -> str | Msg:
    return ", ".join(shipped_ids(folder)) or Msg("none")


def resolve(name: str) -> Path:
    """A shipped set id (`province-2020`) or a path to a YAML file."""
    path = _resolve(name, sets_folder())
    if path is None:
        raise CriteriaError.at(None, "unknown criterion set {name!r}: use one of {known} (parcalc criteria list) or a path to a .yaml file",
                               name=name, known=_known(sets_folder()))
    return path


def resolve_playbook(name: str) -> Path:
    """A shipped playbook id (`province-2020`) or a path to a playbook YAML."""
    path = _resolve(name, playbooks_folder())
    if path is None:
        raise CriteriaError.at(None, "unknown playbook {name!r}: use one of {known} or a path to a .yaml file",
                               name=name, known=_known(playbooks_folder()))
    return path


def load(name: str) -> CriterionSet:
    """The set, its `origin` the id of a shipped set or the path as the user gave it,
    so that outputs naming it are the same on every machine."""
    from dataclasses import replace

    from .criteria_file import load_file

    path = resolve(name)
    loaded = load_file(path)
    return replace(loaded, origin=name) if path.parent == sets_folder() and path.stem == name else loaded
