"""The errors a user can cause.

Every one of them is printed by the CLI as one line per problem (with its place: file and
line, sheet and cell, or criterion code) and ends the run with exit code 2, no traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

EXIT_OK = 0
EXIT_BELOW_TARGET = 1
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where it is."""

    where: str | None
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class ParcalcError(Exception):
    """Base of every user-facing error; carries one or more problems."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, *problems: Problem | str) -> None:
        self.problems = tuple(p if isinstance(p, Problem) else Problem(None, p) for p in problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def at(cls, where: str | None, message: str) -> "ParcalcError":
        return cls(Problem(where, message))


class InputError(ParcalcError):
    """A workbook or table that cannot be read as asked."""


class CriteriaError(ParcalcError):
    """A criterion set (YAML) that is not valid."""


class ScoringError(ParcalcError):
    """Values that do not fit the criterion tree (unknown codes, missing points...)."""


class OutputError(ParcalcError):
    """An output that cannot or must not be written."""


class UsageError(ParcalcError):
    """Options that do not go together."""
