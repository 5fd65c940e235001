"""Writing output files safely: never over an existing file unless told to, never half a file.

Every writer in tandy (response drafts, review reports, statistics, exports) goes through
:func:`write_atomically`: the content is written to a temporary file beside the target and
renamed into place, so an error or an interrupt leaves either the old file or none, and a reader
never sees a partial one. Whatever goes wrong on the way (the folder is a file or missing, the disk
is full or read-only, the path is under ``/proc``) is one :class:`~tandy.errors.OutputError`
naming the path the user gave.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from tandy.errors import OutputError, OutputExists

#: How the system's reasons read for a file being written; others keep the system's wording.
_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file is too large for this disk (or the file size limit)",
    errno.EROFS: "the file system is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
}


def write_atomically(path: str | Path, force: bool, write: Callable[[Path], None]) -> Path:
    """Have ``write`` fill a temporary file beside ``path``, then rename it into place.

    Raises :class:`OutputError` if ``path`` exists and ``force`` is false, and for any
    :class:`OSError` met on the way, named by ``path``; nothing is left behind either way.
    """
    target = Path(path)
    check_writable(target, force)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(str(path), f"cannot be written ({reason(exc)})") from None
    os.close(handle)
    try:
        write(Path(temporary))
        os.chmod(temporary, default_mode())
        os.replace(temporary, target)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise OutputError(str(path), f"cannot be written ({reason(exc)})") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def check_writable(target: Path, force: bool) -> None:
    """Refuse, before anything is computed or written, a target that cannot be written whole:
    one that exists (without ``force``), is a folder, or lies in a folder that is missing or a file."""
    if target.is_dir():
        raise OutputError(str(target), "is a folder; give a file name")
    if target.exists() and not force:
        raise OutputExists(str(target), "exists; use --force to overwrite it")
    parent = target.parent
    if not parent.exists():
        raise OutputError(str(target), f"cannot be written: the folder {parent} does not exist")
    if not parent.is_dir():
        raise OutputError(str(target), f"cannot be written: {parent} is not a folder")


def reason(exc: OSError) -> str:
    """What went wrong, without the file name the system adds (it may be the temporary file's)."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or type(exc).__name__).lower()


def default_mode() -> int:
    """The mode a plainly created file gets (0o666 less the umask): a temporary file is created
    private (0o600), and the report it becomes should not be."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_text(path: str | Path, text: str, force: bool = False) -> Path:
    """Write UTF-8 text atomically, refusing to overwrite unless ``force``."""
    return write_atomically(path, force, lambda temporary: temporary.write_text(text, encoding="utf-8"))
