"""The criterion sets shipped with parcalc, and resolving `--criteria SET|PATH`."""

from __future__ import annotations

from pathlib import Path

from .errors import CriteriaError
from .model import CriterionSet


def sets_folder() -> Path:
    """Installed wheels carry the sets as parcalc/sets; a source checkout has criteria/."""
    packaged = Path(__file__).with_name("sets")
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "criteria"


def shipped_ids() -> list[str]:
    folder = sets_folder()
    return sorted(path.stem for path in folder.glob("*.yaml")) if folder.is_dir() else []


def resolve(name: str) -> Path:
    """A shipped set id (`province-2020`) or a path to a YAML file."""
    candidate = Path(name)
    if candidate.suffix.lower() in (".yaml", ".yml") or candidate.exists():
        return candidate
    shipped = sets_folder() / f"{name}.yaml"
    if shipped.is_file():
        return shipped
    known = ", ".join(shipped_ids()) or "none"
    raise CriteriaError.at(
        None,
        f"unknown criterion set {name!r}: use one of {known} (parcalc criteria list) or a path to a .yaml file",
    )


def load(name: str) -> CriterionSet:
    from .criteria_file import load_file

    return load_file(resolve(name))
