"""The errors a user can cause.

Every one of them is printed by the CLI as one line per problem (with its place: file and
line, sheet and cell, or criterion code) and ends the run with exit code 2, no traceback.
"""

from __future__ import annotations

from dataclasses import dataclass

from .messages import Msg, render_place

EXIT_OK = 0
EXIT_BELOW_TARGET = 1
EXIT_BAD_INPUT = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where it is (a `Place`, or a plain file name or
    code). A message given as a string is a catalogue template without placeholders."""

    where: str | None
    message: Msg

    def __post_init__(self) -> None:
        if isinstance(self.message, str):
            object.__setattr__(self, "message", Msg(self.message))

    def render(self, lang: str | None = None) -> str:
        message = self.message.render(lang)
        return f"{render_place(self.where, lang)}: {message}" if self.where else message

    def __str__(self) -> str:
        return self.render()


class ParcalcError(Exception):
    """Base of every user-facing error; carries one or more problems."""

    exit_code = EXIT_BAD_INPUT

    def __init__(self, *problems: Problem | Msg | str) -> None:
        self.problems = tuple(p if isinstance(p, Problem) else Problem(None, p) for p in problems)
        super().__init__(*self.problems)

    @classmethod
    def at(cls, where: str | None, template: str | Msg, /, **params: object) -> "ParcalcError":
        """The error of one problem: `InputError.at(place, "cell {cell} is blank", cell=ref)`."""
        return cls(Problem(where, Msg(template, **params) if isinstance(template, str) else template))

    def render(self, lang: str | None = None) -> str:
        return "\n".join(problem.render(lang) for problem in self.problems)

    def __str__(self) -> str:
        return self.render()


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
