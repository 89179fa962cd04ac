"""Writing outputs without losing anything: never over an input, never over an existing
file without `force`, always through a temporary file renamed into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Iterable

from ..core.errors import OutputError


def check_target(target: Path, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work is done, an output that cannot or must not be written."""
    shown = str(target)
    for source in inputs:
        if source.exists() and target.exists() and target.resolve() == source.resolve():
            raise OutputError.at(shown, "is also an input; write the output to another file")
    if target.is_dir():
        raise OutputError.at(shown, "is a folder; name a file to write")
    folder = target.parent
    if not folder.is_dir():
        raise OutputError.at(shown, f"folder {str(folder)!r} does not exist; create it first")
    if target.exists() and not force:
        raise OutputError.at(shown, "already exists; pass --force to replace it")


def write_bytes(target: Path, data: bytes) -> None:
    """Write atomically: a temporary file in the same folder, then a rename."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; give what open() would
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
