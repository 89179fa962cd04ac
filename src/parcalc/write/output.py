"""Writing outputs without losing anything: never over an input (by any name: a path, a
symbolic link, a hard link), never over an existing file without `force` (checked again
at the moment the file is put in place, not only before the work), never onto anything
but a regular file, always through a temporary file that is removed if the run ends."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Iterable

from ..core.errors import OutputError
from ..core.messages import Msg

_NAME_BYTES = 255  # longest file name on common file systems
_TEMPORARY_EXTRA = len(".") + 8 + len(".tmp") + 1  # mkstemp's random part and our suffix


def check_target(target: Path, *, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Refuse, before any work is done, an output that cannot or must not be written."""
    shown = str(target)
    # os.path's answers, not Path's: Path.exists raises for a name too long (ENAMETOOLONG)
    if os.path.islink(target):
        raise OutputError.at(shown, "is a symbolic link: name the file itself, or another file (parcalc replaces only regular files)")
    if os.path.exists(target):
        if os.path.isdir(target):
            raise OutputError.at(shown, "is a folder; name a file to write")
        if not os.path.isfile(target):
            raise OutputError.at(shown, "is not a regular file (a device, a pipe or a socket): name a file, or leave out -o to write to standard output")
        if any(same_file(source, target) for source in inputs):
            raise OutputError.at(shown, "is also an input; write the output to another file")
        if not force:
            raise OutputError.at(shown, "already exists; pass --force to replace it")
    folder = target.parent
    if not os.path.isdir(folder):
        raise OutputError.at(shown, "folder {folder!r} does not exist; create it first", folder=str(folder))


def same_file(a: Path, b: Path) -> bool:
    """Whether two paths name one file (through links too)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def write_bytes(target: Path, data: bytes | Iterable[bytes], *, force: bool = False) -> None:
    """Write `data` (whole or in pieces) atomically: a temporary file in the same folder,
    then put in place; if making a piece fails, nothing is put in place. Without
    `force` it is linked into place, which fails if a file of that name appeared while
    parcalc worked; with `force` it replaces what is there."""
    shown = str(target)
    try:
        handle, temporary = tempfile.mkstemp(prefix=_temporary_prefix(target.name), suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError.at(shown, "cannot be written ({reason}): check the folder exists and is writable", reason=os_reason(exc)) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in [data] if isinstance(data, bytes) else data:
                stream.write(piece)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; give what open() would
        if force:
            os.replace(temporary, target)
        else:
            _place_new(temporary, target)
    except FileExistsError:
        raise OutputError.at(shown, "appeared while parcalc worked; it was kept: pass --force to replace it") from None
    except OSError as exc:
        raise OutputError.at(shown, "cannot be written ({reason})", reason=os_reason(exc)) from None
    finally:
        Path(temporary).unlink(missing_ok=True)


def _place_new(temporary: str, target: Path) -> None:
    """Put `temporary` at `target` only if nothing is there: a hard link is created
    exclusively; where the file system has none, the file is created exclusively."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        with open(target, "xb") as stream, open(temporary, "rb") as source:
            stream.write(source.read())


def _temporary_prefix(name: str) -> str:
    """`.NAME.`, shortened so that the temporary name stays a legal file name."""
    room = _NAME_BYTES - _TEMPORARY_EXTRA
    encoded = name.encode("utf-8")
    if len(encoded) > room:
        name = encoded[:room].decode("utf-8", errors="ignore")
    return f".{name}."


def os_reason(exc: OSError) -> Msg:
    """Why the system refused a write, in the user's language for the usual causes."""
    if exc.errno == errno.ENOSPC:
        return Msg("No space left on device")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return Msg("Permission denied")
    if exc.errno == errno.EROFS:
        return Msg("Read-only file system")
    if exc.errno == errno.ENOENT:
        return Msg("No such file or directory")
    return Msg("{detail}", detail=exc.strerror or str(exc))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
